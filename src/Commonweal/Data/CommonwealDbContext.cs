using System.Data;
using Commonweal.Accounts;
using Commonweal.Audit;
using Commonweal.Directory;
using Commonweal.Insight;
using Commonweal.Organisations;
using Commonweal.Outcomes;
using Commonweal.Passport;
using Commonweal.Procurement;
using Commonweal.Procurement.Bids;
using Commonweal.Procurement.Clarifications;
using Commonweal.Procurement.Awards;
using Commonweal.Procurement.Evaluation;
using Commonweal.Referrals;
using Commonweal.Procurement.Ocds;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Commonweal.Data;

public sealed class CommonwealDbContext(
    DbContextOptions<CommonwealDbContext> options,
    IActorAccessor actor,
    TimeProvider time)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    private readonly List<AuditEvent> pendingAudit = [];

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<ServiceAtLocation> ServiceAtLocations => Set<ServiceAtLocation>();
    public DbSet<Schedule> Schedules => Set<Schedule>();
    public DbSet<Taxonomy> Taxonomies => Set<Taxonomy>();
    public DbSet<TaxonomyTerm> TaxonomyTerms => Set<TaxonomyTerm>();
    public DbSet<ServiceTaxonomyTerm> ServiceTaxonomyTerms => Set<ServiceTaxonomyTerm>();
    public DbSet<ServiceChange> ServiceChanges => Set<ServiceChange>();
    public DbSet<PostcodeCentroid> PostcodeCentroids => Set<PostcodeCentroid>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Evidence> PassportEvidence => Set<Evidence>();
    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();
    public DbSet<PassportDocument> PassportDocuments => Set<PassportDocument>();
    public DbSet<EvidenceAttachment> EvidenceAttachments => Set<EvidenceAttachment>();
    public DbSet<PassportReminder> PassportReminders => Set<PassportReminder>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<OpportunityTransition> OpportunityTransitions => Set<OpportunityTransition>();
    public DbSet<Bid> Bids => Set<Bid>();
    public DbSet<ClarificationQuestion> ClarificationQuestions => Set<ClarificationQuestion>();
    public DbSet<Award> Awards => Set<Award>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<OcdsProcess> OcdsProcesses => Set<OcdsProcess>();
    public DbSet<OcdsRelease> OcdsReleases => Set<OcdsRelease>();
    public DbSet<OpportunityEvaluation> OpportunityEvaluations => Set<OpportunityEvaluation>();
    public DbSet<Evaluator> Evaluators => Set<Evaluator>();
    public DbSet<ConflictDeclaration> ConflictDeclarations => Set<ConflictDeclaration>();
    public DbSet<EvaluatorScore> EvaluatorScores => Set<EvaluatorScore>();
    public DbSet<ConsensusScore> ConsensusScores => Set<ConsensusScore>();
    public DbSet<AwardLetter> AwardLetters => Set<AwardLetter>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<CareTeamMember> CareTeamMembers => Set<CareTeamMember>();
    public DbSet<BreakGlassAccess> BreakGlassAccesses => Set<BreakGlassAccess>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<ReferralReason> ReferralReasons => Set<ReferralReason>();
    public DbSet<ReferralTransition> ReferralTransitions => Set<ReferralTransition>();
    public DbSet<ReferralMessage> ReferralMessages => Set<ReferralMessage>();
    public DbSet<ReferralAttachment> ReferralAttachments => Set<ReferralAttachment>();
    public DbSet<Referrals.CarePlans.CarePlanGoal> CarePlanGoals => Set<Referrals.CarePlans.CarePlanGoal>();
    public DbSet<Referrals.CarePlans.CarePlanAction> CarePlanActions => Set<Referrals.CarePlans.CarePlanAction>();
    public DbSet<Referrals.CarePlans.CarePlanReview> CarePlanReviews => Set<Referrals.CarePlans.CarePlanReview>();
    public DbSet<Referrals.Concerns.Concern> Concerns => Set<Referrals.Concerns.Concern>();
    public DbSet<Referrals.Concerns.ConcernAcknowledgement> ConcernAcknowledgements => Set<Referrals.Concerns.ConcernAcknowledgement>();
    public DbSet<FundingRecord> FundingRecords => Set<FundingRecord>();
    public DbSet<Commissioning.NeedsArea> NeedsAreas => Set<Commissioning.NeedsArea>();
    public DbSet<Commissioning.AreaNeed> AreaNeeds => Set<Commissioning.AreaNeed>();
    public DbSet<Commissioning.CommissioningPlan> CommissioningPlans => Set<Commissioning.CommissioningPlan>();
    public DbSet<Commissioning.PlanLine> PlanLines => Set<Commissioning.PlanLine>();
    public DbSet<Commissioning.PooledFund> PooledFunds => Set<Commissioning.PooledFund>();
    public DbSet<Commissioning.PoolMember> PoolMembers => Set<Commissioning.PoolMember>();
    public DbSet<Commissioning.PoolOpportunity> PoolOpportunities => Set<Commissioning.PoolOpportunity>();
    public DbSet<Outcomes.OutcomeInstrument> OutcomeInstruments => Set<Outcomes.OutcomeInstrument>();
    public DbSet<Outcomes.OutcomeResponse> OutcomeResponses => Set<Outcomes.OutcomeResponse>();
    public DbSet<Outcomes.OutcomePair> OutcomePairs => Set<Outcomes.OutcomePair>();
    public DbSet<Outcomes.OutcomeScore> OutcomeScores => Set<Outcomes.OutcomeScore>();
    public DbSet<Outcomes.ServiceOutcomeSettings> ServiceOutcomeSettings => Set<Outcomes.ServiceOutcomeSettings>();
    public DbSet<Outcomes.ContractOutcomeTarget> ContractOutcomeTargets => Set<Outcomes.ContractOutcomeTarget>();

    public Actor Actor => actor.Current;

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Set by imports and scale seeding: added rows are written with prepared inserts
    /// (<see cref="BulkInserter"/>) rather than EF Core's batches, which cost them most of their time.
    /// </summary>
    public bool BulkInserts { get; set; }

    /// <summary>
    /// Set by an import that audits itself as one event (its file's SHA-256 and counts): the rows it
    /// adds are not described one event each. Changes to existing rows and removals still are, with
    /// their old values.
    /// </summary>
    public bool AuditsAddedRowsAsOneEvent { get; set; }

    /// <summary>
    /// Adds an event that is not a row change (a read of a person's record, a break-glass
    /// declaration, a chain verification); it is written with the next save, in its transaction.
    /// </summary>
    public void RecordAudit(string action, string entityType, string entityId, object? summary = null, string? reason = null) =>
        pendingAudit.Add(new AuditEvent
        {
            OccurredAt = Now,
            ActorUserId = Actor.UserId,
            Actor = Actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = AuditRecorder.Serialise(summary ?? new { }),
            Reason = reason,
            PreviousHash = "",
            Hash = "",
        });

    /// <summary>
    /// Synchronous saves are left only for infrastructure that needs them (the Data Protection key
    /// ring); anything that would be audited must go through SaveChangesAsync.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (pendingAudit.Count > 0 || StampAndDescribe(out var pairing).Count > 0 || pairing is not null)
        {
            throw new NotSupportedException("Use SaveChangesAsync: every audited save appends to the audit chain.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Every save appends its audit events to the hash chain in the same transaction, so a change
    /// and its record are committed together or not at all.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var events = StampAndDescribe(out var pairing);
        events.AddRange(pendingAudit);
        pendingAudit.Clear();
        // Nothing to audit and, for bulk inserts, nothing to write: no need to take the audit chain's
        // lock and read its head (an import saves after every batch, most of which change nothing tracked).
        if (events.Count == 0 && pairing is null && (!BulkInserts || !ChangeTracker.HasChanges()))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // SQLite: audited saves queue for the single writer and share commits (see SqliteWriteQueue).
        var queue = Database.CurrentTransaction is null ? SqliteWriteQueue.For(Database) : null;
        if (queue is not null && !BulkInserts && Database.GetDbConnection().State == ConnectionState.Closed)
        {
            var saved = await queue.SaveInBatchAsync(
                this, async head => await AppendAndSaveAsync(events, pairing, head, acceptAllChanges: false, cancellationToken), cancellationToken);
            if (acceptAllChangesOnSuccess)
            {
                ChangeTracker.AcceptAllChanges();
            }

            return saved;
        }

        using var turn = queue is null ? null : await queue.EnterAloneAsync(cancellationToken);
        await using var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        await AuditChainLock.AcquireAsync(Database, cancellationToken);

        var head = await SqliteWriteQueue.ChainHead.ReadAsync(this, Database.GetDbConnection(), Database.CurrentTransaction?.GetDbTransaction(), cancellationToken);
        var (written, _) = await AppendAndSaveAsync(events, pairing, head, acceptAllChangesOnSuccess, cancellationToken);
        if (ownTransaction is not null)
        {
            await ownTransaction.CommitAsync(cancellationToken);
        }

        return written;
    }

    /// <summary>
    /// Links the events to the chain after <paramref name="head"/> and saves them with the changes, with
    /// outcome pairs brought up to date first (here, where this writer holds the database alone).
    /// </summary>
    private async Task<(int Written, SqliteWriteQueue.ChainHead Head)> AppendAndSaveAsync(
        List<AuditEvent> events, OutcomePairing? pairing, SqliteWriteQueue.ChainHead head, bool acceptAllChanges, CancellationToken cancellationToken)
    {
        if (pairing is not null)
        {
            await pairing.PairAsync(this, cancellationToken);
        }

        var (sequence, previous) = head;
        foreach (var e in events)
        {
            AuditChain.Link(e, ++sequence, previous);
            previous = e.Hash;
        }

        try
        {
            // In bulk, the events are written untracked too: an import's one event, tracked, cost it 30 ms
            // of EF Core setting up its first tracked entity.
            var written = 0;
            if (BulkInserts)
            {
                written += await BulkInserter.InsertAsync(this, events, cancellationToken);
                written += await BulkInserter.InsertAddedAsync(this, cancellationToken);
            }
            else
            {
                AuditEvents.AddRange(events);
            }

            written += await base.SaveChangesAsync(acceptAllChanges, cancellationToken);
            return (written, new(sequence, previous));
        }
        catch
        {
            // Linked to a head that is no longer next; a retried save describes and links afresh.
            foreach (var e in events)
            {
                Entry(e).State = EntityState.Detached;
            }

            throw;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CommonwealDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // All times are UTC; SQLite forgets the kind, so it is restored on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    /// <summary>
    /// Stamps the entities and describes the changes for the audit log. Changes are detected once here,
    /// not once per walk of the change tracker: each walk would otherwise detect them again, and that was
    /// a tenth of the work of a small save such as a referral.
    /// </summary>
    private List<AuditEvent> StampAndDescribe(out OutcomePairing? pairing)
    {
        ChangeTracker.DetectChanges();
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            StampEntities();
            pairing = OutcomePairing.Find(ChangeTracker);
            return AuditRecorder.Describe(ChangeTracker, Actor, Now, describeAdded: !AuditsAddedRowsAsOneEvent);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private void StampEntities()
    {
        foreach (var entry in ChangeTracker.Entries<AuditEvent>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The audit log is append-only: entries cannot be changed or removed.");
            }
        }

        foreach (var entry in ChangeTracker.Entries<Service>())
        {
            if (entry.State is EntityState.Added)
            {
                StampNew(entry.Entity);
            }
            else if (entry.State is EntityState.Modified && !entry.Property(s => s.LastModified).IsModified)
            {
                // An importer may carry the publisher's last_modified; any other change is stamped now.
                entry.Entity.LastModified = Now;
            }
        }

        foreach (var entry in ChangeTracker.Entries<Opportunity>())
        {
            if (entry.State is EntityState.Added && entry.Entity.CreatedAt == default)
            {
                entry.Entity.CreatedAt = Now;
            }

            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.UpdatedAt = Now;
            }
        }

        foreach (var entry in ChangeTracker.Entries<Organisation>())
        {
            if (entry.State is EntityState.Added)
            {
                StampNew(entry.Entity);
            }
            else if (entry.State is EntityState.Modified)
            {
                entry.Entity.UpdatedAt = Now;
                entry.Entity.DeriveSector();
            }
        }
    }

    /// <summary>
    /// Stamps a service or organisation about to be created: by the save for a tracked one, by an
    /// import for one it inserts without tracking (see <see cref="BulkInserter.InsertAsync(DbContext, IEnumerable{object}, CancellationToken)"/>).
    /// </summary>
    internal void StampNew(object entity)
    {
        switch (entity)
        {
            case Service service:
                if (service.CreatedAt == default)
                {
                    service.CreatedAt = Now;
                }

                // An importer may carry the publisher's last_modified.
                if (service.LastModified == default)
                {
                    service.LastModified = Now;
                }

                break;
            case Organisation organisation:
                organisation.CreatedAt = Now;
                organisation.UpdatedAt = Now;
                organisation.DeriveSector();
                break;
        }
    }
}
