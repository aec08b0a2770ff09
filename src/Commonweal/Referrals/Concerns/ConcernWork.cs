using Commonweal.Accounts;
using Commonweal.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Referrals.Concerns;

public sealed class ConcernInput
{
    public ConcernKind? Kind { get; set; }
    public ConcernSeverity? Severity { get; set; }
    public string? Description { get; set; }
}

public sealed class ConcernInputValidator : AbstractValidator<ConcernInput>
{
    public ConcernInputValidator()
    {
        RuleFor(c => c.Kind).NotNull().WithMessage("Select the kind of concern").IsInEnum().WithMessage("Select the kind of concern");
        RuleFor(c => c.Severity).NotNull().WithMessage("Select how serious the concern is").IsInEnum().WithMessage("Select how serious the concern is");
        RuleFor(c => c.Description).NotEmpty().WithMessage("Describe the concern")
            .MaximumLength(Concern.DescriptionMaxLength).WithMessage($"Description must be {Concern.DescriptionMaxLength} characters or fewer");
    }
}

public sealed class ConcernClosingInput
{
    public string? Outcome { get; set; }
}

public sealed class ConcernClosingInputValidator : AbstractValidator<ConcernClosingInput>
{
    public ConcernClosingInputValidator()
    {
        RuleFor(c => c.Outcome).NotEmpty().WithMessage("Enter the outcome: what was done about the concern")
            .MaximumLength(Concern.OutcomeMaxLength).WithMessage($"Outcome must be {Concern.OutcomeMaxLength} characters or fewer");
    }
}

/// <summary>One involved organisation and whether its safeguarding lead has acknowledged the concern.</summary>
public sealed record ConcernOrganisation(Guid OrganisationId, string Name, ConcernAcknowledgement? Acknowledgement);

/// <summary>
/// A concern as one viewer may see it: how much (<see cref="ConcernSight"/>), and what they can do:
/// acknowledge it for some organisations, and close it (for <see cref="ClosesFor"/>) while it is open.
/// </summary>
public sealed record ConcernView(
    Concern Concern,
    string PersonName,
    ConcernSight Sight,
    IReadOnlyList<ConcernOrganisation> Organisations,
    IReadOnlyList<Organisations.Organisation> CanAcknowledgeFor,
    Organisations.Organisation? ClosesFor)
{
    public IEnumerable<ConcernOrganisation> Unacknowledged => Organisations.Where(o => o.Acknowledgement is null);

    public bool CanClose => ClosesFor is not null;
}

/// <summary>
/// Raising, reading, acknowledging and closing concerns. Raising is a change to the record
/// (<see cref="PersonAccess.ChangeRecord"/>); seeing, acknowledging and closing follow <see cref="ConcernAccess"/>.
/// Every read is written into the audit log against the concern, with its grounds.
/// </summary>
public sealed class ConcernWork(CommonwealDbContext db, PersonRecords records)
{
    public const string ReadAction = "Concern.Read";
    public const string RefusedAction = "Concern.ReadRefused";

    public DateTime Now => db.Now;

    public async Task<CareResult<ConcernView>> RaiseAsync(Guid personId, ConcernInput input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var facts = await records.FactsAsync(personId, cancellationToken);
        var change = PersonAccess.ChangeRecord(facts, viewer, db.Now);
        if (!change.Allowed)
        {
            await records.RecordAsync(personId, change, "Raise a concern", cancellationToken);
            return CareResult<ConcernView>.Fail(change.Code!, change.Reason);
        }

        var validation = new ConcernInputValidator().Validate(input);
        if (!validation.IsValid)
        {
            return CareResult<ConcernView>.Invalid(validation);
        }

        var member = facts.Team.First(m => m.IsActive && m.UserId == viewer.UserId);
        var concern = new Concern
        {
            PersonId = personId,
            Kind = input.Kind!.Value,
            Severity = input.Severity!.Value,
            Description = input.Description!.Trim(),
            RaisedByUserId = viewer.UserId!.Value,
            RaisedBy = viewer.Name,
            RaisedByOrganisationId = member.OrganisationId,
            RaisedByOrganisation = member.Organisation?.Name ?? "",
            RaisedAt = db.Now,
        };
        db.Concerns.Add(concern);
        await db.SaveChangesAsync(cancellationToken);
        var person = await db.People.AsNoTracking().FirstAsync(p => p.Id == personId, cancellationToken);
        return CareResult<ConcernView>.Ok(Describe(concern, person, facts, viewer, ConcernSight.Record));
    }

    /// <summary>
    /// The person's concerns that this viewer may see, newest first: all of them for the record's
    /// readers, otherwise those <see cref="ConcernAccess"/> lets them see. Refused (the same way
    /// whether or not the person exists) when they may see none.
    /// </summary>
    public async Task<CareResult<IReadOnlyList<ConcernView>>> ForPersonAsync(Guid personId, Viewer viewer, string purpose, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return CareResult<IReadOnlyList<ConcernView>>.Fail(PersonErrors.SignInRequired, "Sign in to see concerns.");
        }

        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        var facts = person is null ? new PersonAccessFacts([], [], []) : await records.FactsAsync(personId, cancellationToken);
        var record = PersonAccess.ReadRecord(facts, viewer, db.Now);
        if (record.Allowed)
        {
            await records.RecordAsync(personId, record, purpose, cancellationToken);
        }

        var concerns = await db.Concerns.AsNoTracking().Include(c => c.Acknowledgements).Where(c => c.PersonId == personId)
            .OrderByDescending(c => c.RaisedAt).ToListAsync(cancellationToken);
        var views = new List<ConcernView>();
        foreach (var concern in concerns)
        {
            var see = ConcernAccess.See(concern, facts, viewer, db.Now);
            if (see.Allowed)
            {
                views.Add(Describe(concern, person!, facts, viewer, see.Sight!.Value));
                if (see.Sight != ConcernSight.Record)
                {
                    db.RecordAudit(ReadAction, nameof(Concern), concern.Id.ToString(), new { purpose, sight = see.Sight.ToString() }, see.Reason);
                }
            }
        }

        if (!record.Allowed)
        {
            if (views.Count == 0)
            {
                // Outsiders get the record's refusal, which says nothing about whether the person or any concern exists.
                await records.RecordAsync(personId, record, purpose, cancellationToken);
                return CareResult<IReadOnlyList<ConcernView>>.Fail(record.Code ?? PersonErrors.NotAllowed, record.Reason);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return CareResult<IReadOnlyList<ConcernView>>.Ok(views);
    }

    /// <summary>
    /// The open concerns shown at the top of a record the page has already opened: the page's person
    /// and facts are reused, so the banner costs one query and adds no second audit entry, and it shows
    /// nothing unless those facts let the viewer read the record. Closed ones stay on their own pages.
    /// </summary>
    public async Task<IReadOnlyList<ConcernView>> BannerAsync(Person person, PersonAccessFacts facts, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!PersonAccess.ReadRecord(facts, viewer, db.Now).Allowed)
        {
            return [];
        }

        var concerns = await db.Concerns.AsNoTracking().Include(c => c.Acknowledgements).Where(c => c.PersonId == person.Id && c.ClosedAt == null)
            .OrderByDescending(c => c.EscalatedAt != null).ThenByDescending(c => c.Severity).ThenByDescending(c => c.RaisedAt).ToListAsync(cancellationToken);
        return [.. concerns.Select(c => Describe(c, person, facts, viewer, ConcernSight.Record))];
    }

    public async Task<CareResult<ConcernView>> GetAsync(Guid concernId, Viewer viewer, string purpose, CancellationToken cancellationToken = default)
    {
        var (concern, facts, see) = await SeeAsync(concernId, viewer, cancellationToken);
        if (concern is not null)
        {
            db.RecordAudit(see.Allowed ? ReadAction : RefusedAction, nameof(Concern), concern.Id.ToString(),
                new { purpose, sight = see.Sight?.ToString(), code = see.Code }, see.Reason);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!see.Allowed || concern is null)
        {
            return CareResult<ConcernView>.Fail(see.Code ?? PersonErrors.NotAllowed, see.Allowed ? ConcernAccess.NoAccessMessage : see.Reason);
        }

        return CareResult<ConcernView>.Ok(Describe(concern, concern.Person!, facts, viewer, see.Sight!.Value));
    }

    /// <summary>A safeguarding lead acknowledges for their organisation (the one named, or their only involved one).</summary>
    public async Task<CareResult<ConcernView>> AcknowledgeAsync(Guid concernId, Guid? organisationId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (concern, facts, see) = await SeeAsync(concernId, viewer, cancellationToken);
        if (!see.Allowed || concern is null)
        {
            return CareResult<ConcernView>.Fail(see.Code ?? PersonErrors.NotAllowed, see.Allowed ? ConcernAccess.NoAccessMessage : see.Reason);
        }

        if (concern.IsClosed)
        {
            return CareResult<ConcernView>.Fail(ConcernErrors.Closed, $"{ClosedSentence(concern)}: it no longer needs acknowledging.");
        }

        var leads = ConcernAccess.InvolvedOrganisations(facts).Where(o => viewer.HasRoleIn(o.Id, MembershipRole.SafeguardingLead)).ToList();
        if (leads.Count == 0)
        {
            return CareResult<ConcernView>.Fail(PersonErrors.NotAllowed, "Only the designated safeguarding lead of an organisation on the care team acknowledges a concern.");
        }

        var organisation = organisationId is null ? (leads.Count == 1 ? leads[0] : null) : leads.FirstOrDefault(o => o.Id == organisationId);
        if (organisation is null)
        {
            return CareResult<ConcernView>.Invalid("organisationId", organisationId is null
                ? "Select the organisation you are acknowledging for"
                : "You are not the safeguarding lead of that organisation, or it is not on the care team");
        }

        if (concern.Acknowledgements.Any(a => a.OrganisationId == organisation.Id))
        {
            return CareResult<ConcernView>.Refuse(ConcernErrors.AlreadyAcknowledged, "organisationId", $"{organisation.Name} has already acknowledged this concern");
        }

        var acknowledgement = new ConcernAcknowledgement
        {
            ConcernId = concern.Id,
            OrganisationId = organisation.Id,
            OrganisationName = organisation.Name,
            UserId = viewer.UserId!.Value,
            By = viewer.Name,
            At = db.Now,
        };
        db.ConcernAcknowledgements.Add(acknowledgement);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another lead of the same organisation acknowledged at the same moment: theirs stands.
            return CareResult<ConcernView>.Refuse(ConcernErrors.AlreadyAcknowledged, "organisationId", $"{organisation.Name} has already acknowledged this concern");
        }

        concern.Acknowledgements.Add(acknowledgement);
        return CareResult<ConcernView>.Ok(Describe(concern, concern.Person!, facts, viewer, see.Sight!.Value));
    }

    /// <summary>
    /// Closes an open concern with its outcome, for the organisation <see cref="ConcernAccess.ClosesFor"/>
    /// names. Those who may not see it get the same refusal as for reading it, as does a concern that
    /// is not <paramref name="personId"/>'s when the caller names the person.
    /// </summary>
    public async Task<CareResult<ConcernView>> CloseAsync(Guid concernId, ConcernClosingInput input, Viewer viewer, Guid? personId = null, CancellationToken cancellationToken = default)
    {
        var (concern, facts, see) = await SeeAsync(concernId, viewer, cancellationToken);
        if (!see.Allowed || concern is null || (personId is not null && concern.PersonId != personId))
        {
            return CareResult<ConcernView>.Fail(see.Code ?? PersonErrors.NotAllowed, see.Allowed ? ConcernAccess.NoAccessMessage : see.Reason);
        }

        if (ConcernAccess.ClosesFor(facts, viewer, db.Now) is not { } organisation)
        {
            return CareResult<ConcernView>.Fail(PersonErrors.NotAllowed, ConcernAccess.CloseNotAllowedMessage);
        }

        if (concern.IsClosed)
        {
            return AlreadyClosed(concern);
        }

        var validation = new ConcernClosingInputValidator().Validate(input);
        if (!validation.IsValid)
        {
            return CareResult<ConcernView>.Invalid(validation);
        }

        // Read without tracking to decide; the row itself is tracked so the save audits the change.
        var closing = await db.Concerns.Include(c => c.Person).Include(c => c.Acknowledgements).FirstAsync(c => c.Id == concern.Id, cancellationToken);
        closing.ClosedAt = db.Now;
        closing.ClosedByUserId = viewer.UserId;
        closing.ClosedBy = viewer.Name;
        closing.ClosedByOrganisationId = organisation.Id;
        closing.ClosedByOrganisation = organisation.Name;
        closing.Outcome = input.Outcome!.Trim();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else closed it since it was read (ClosedAt is a concurrency token): theirs stands.
            db.Entry(closing).State = EntityState.Detached;
            return AlreadyClosed(await db.Concerns.AsNoTracking().FirstAsync(c => c.Id == concern.Id, cancellationToken));
        }

        return CareResult<ConcernView>.Ok(Describe(closing, closing.Person!, facts, viewer, see.Sight!.Value));
    }

    private static CareResult<ConcernView> AlreadyClosed(Concern concern) =>
        CareResult<ConcernView>.Fail(ConcernErrors.AlreadyClosed, $"{ClosedSentence(concern)}: it cannot be closed again.");

    private static string ClosedSentence(Concern concern) =>
        $"This concern was closed by {concern.ClosedBy} ({concern.ClosedByOrganisation}) at {CareTime.Describe(concern.ClosedAt!.Value)}";

    /// <summary>
    /// The signed-in user's concerns list: people whose care team they are on, people with someone on
    /// the team from an organisation they are safeguarding lead of, and (escalated only) admin of.
    /// </summary>
    public async Task<IReadOnlyList<ConcernView>> MineAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (viewer.UserId is not { } userId)
        {
            return [];
        }

        var organisations = viewer.OrganisationsWithRole(MembershipRole.SafeguardingLead)
            .Concat(viewer.OrganisationsWithRole(MembershipRole.Admin)).Distinct().ToList();
        var people = await db.CareTeamMembers.AsNoTracking()
            .Where(m => m.LeftAt == null && (m.UserId == userId || organisations.Contains(m.OrganisationId)))
            .Select(m => m.PersonId).Distinct().ToListAsync(cancellationToken);
        var concerns = await db.Concerns.AsNoTracking().Include(c => c.Person).Include(c => c.Acknowledgements)
            .Where(c => people.Contains(c.PersonId))
            .OrderByDescending(c => c.RaisedAt).ToListAsync(cancellationToken);
        var views = new List<ConcernView>();
        foreach (var group in concerns.GroupBy(c => c.PersonId))
        {
            var facts = await records.FactsAsync(group.Key, cancellationToken);
            foreach (var concern in group)
            {
                var see = ConcernAccess.See(concern, facts, viewer, db.Now);
                if (see.Allowed)
                {
                    views.Add(Describe(concern, concern.Person!, facts, viewer, see.Sight!.Value));
                    db.RecordAudit(ReadAction, nameof(Concern), concern.Id.ToString(), new { purpose = "Concerns list", sight = see.Sight.ToString() }, see.Reason);
                }
            }
        }

        if (views.Count > 0)
        {
            // The list shows people's names and concerns: each one shown is a read, logged like any other.
            await db.SaveChangesAsync(cancellationToken);
        }

        // Open concerns first, those escalated at the top; closed ones after, as history.
        return [.. views.OrderBy(v => v.Concern.IsClosed).ThenByDescending(v => v.Concern.IsEscalated).ThenByDescending(v => v.Concern.RaisedAt)];
    }

    private async Task<(Concern? Concern, PersonAccessFacts Facts, ConcernAccessResult See)> SeeAsync(Guid concernId, Viewer viewer, CancellationToken cancellationToken)
    {
        if (!viewer.IsSignedIn)
        {
            return (null, new PersonAccessFacts([], [], []), ConcernAccessResult.Deny(PersonErrors.SignInRequired, "Sign in to see concerns."));
        }

        var concern = await db.Concerns.Include(c => c.Person).Include(c => c.Acknowledgements).AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == concernId, cancellationToken);
        if (concern is null)
        {
            return (null, new PersonAccessFacts([], [], []), ConcernAccessResult.Deny(PersonErrors.NotAllowed, ConcernAccess.NoAccessMessage));
        }

        var facts = await records.FactsAsync(concern.PersonId, cancellationToken);
        return (concern, facts, ConcernAccess.See(concern, facts, viewer, db.Now));
    }

    private ConcernView Describe(Concern concern, Person person, PersonAccessFacts facts, Viewer viewer, ConcernSight sight)
    {
        var involved = ConcernAccess.InvolvedOrganisations(facts)
            .Select(o => new ConcernOrganisation(o.Id, o.Name, concern.Acknowledgements.FirstOrDefault(a => a.OrganisationId == o.Id)))
            .ToList();
        // An organisation that acknowledged and has since left the team still shows its acknowledgement.
        involved.AddRange(concern.Acknowledgements.Where(a => involved.All(o => o.OrganisationId != a.OrganisationId))
            .Select(a => new ConcernOrganisation(a.OrganisationId, a.OrganisationName, a)));
        return new ConcernView(concern, $"{person.GivenName} {person.FamilyName}", sight, involved,
            ConcernAccess.CanAcknowledgeFor(concern, facts, viewer, db.Now),
            concern.IsClosed ? null : ConcernAccess.ClosesFor(facts, viewer, db.Now));
    }
}

public static class ConcernErrors
{
    public const string AlreadyAcknowledged = "concerns.already-acknowledged";
    public const string AlreadyClosed = "concerns.already-closed";

    /// <summary>Acknowledging a closed concern.</summary>
    public const string Closed = "concerns.closed";
}
