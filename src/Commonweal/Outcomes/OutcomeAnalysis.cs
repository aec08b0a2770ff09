using Commonweal.Data;
using Commonweal.Outcomes.Analysis;
using Commonweal.Procurement.Awards;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Outcomes;

/// <summary>What the figures are for: one service, a provider organisation's services, a contract's, a need's or an area's.</summary>
public enum OutcomeScopeKind
{
    Service,
    Organisation,
    Contract,
    Need,
    Area,
}

public sealed record OutcomeScope(OutcomeScopeKind Kind, Guid Id);

/// <summary>One scale's figures for a group of people: the counts and the paired change (from the analysis's maths).</summary>
public sealed record ScaleFigures(string Scale, string Name, Direction Direction, double MeaningfulChange, ChangeSummary Change);

/// <summary>
/// A group's figures for one instrument: referred in the period, with a baseline, paired, and per
/// scale the paired change. <see cref="Counts"/> is the same for every scale of the instrument.
/// </summary>
public sealed record GroupFigures(OutcomeCounts Counts, IReadOnlyList<ScaleFigures> Scales)
{
    public ScaleFigures? Scale(string key) => Scales.FirstOrDefault(s => s.Scale == key);
}

public sealed record ServiceFigures(Guid ServiceId, string Service, Guid OrganisationId, string Organisation, GroupFigures Figures);

/// <summary>The figures asked for and those of their comparison group (all services meeting the need).</summary>
public sealed record OutcomeReport(InstrumentDefinition Instrument, DateOnly From, DateOnly To, GroupFigures Figures, GroupFigures? Comparison);

/// <summary>A need's figures across all the services meeting it, and each of those services side by side.</summary>
public sealed record ServiceComparison(InstrumentDefinition Instrument, DateOnly From, DateOnly To, GroupFigures Figures, IReadOnlyList<ServiceFigures> Services);

/// <summary>
/// Outcome analysis: who was referred in a period and how their scores changed.
/// <list type="bullet">
/// <item>The cohort is the referrals made in the period (from, to inclusive) to the services in scope;
/// every response to those referrals counts, whenever it was answered.</item>
/// <item>A referral is paired when it has a baseline and at least one later response (a follow-up or
/// the discharge); the pair is the baseline and the <em>latest</em> of those. The latest is the change
/// the person kept at the end of their time with the service, it counts each person once, and a
/// person who left before a follow-up still counts through their discharge answers.</item>
/// <item>Follow-up rate = paired ÷ with baseline: the people whose change is unknown are shown, not hidden.</item>
/// </list>
/// The pairs are kept as responses are recorded (<see cref="OutcomePair"/>), so the analysis reads one
/// row per person and scale, as numbers, and summarises them in memory with <see cref="PairedChange"/>.
/// </summary>
public sealed class OutcomeAnalysis(CommonwealDbContext db)
{
    private sealed record Row(Guid ServiceId, Guid ReferralId, string Scale, double Baseline, bool Paired, double? Latest);

    /// <summary>
    /// The figures for the scope, and for the comparison group: every service meeting the needs
    /// (taxonomy terms) given in <c>comparisonNeeds</c>; none for no comparison.
    /// </summary>
    public async Task<OutcomeReport> ReportAsync(InstrumentDefinition instrument, OutcomeScope scope, IReadOnlyCollection<Guid>? comparisonNeeds, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var main = await LoadAsync(await ServicesAsync(scope, cancellationToken), instrument, from, to, cancellationToken);
        var figures = Figures(instrument, main);
        GroupFigures? comparison = null;
        if (comparisonNeeds is { Count: > 0 })
        {
            // A need compared with itself (the summary for a need) is read once.
            comparison = scope.Kind == OutcomeScopeKind.Need && comparisonNeeds.All(n => n == scope.Id)
                ? figures
                : Figures(instrument, await LoadAsync(await MeetingAsync(comparisonNeeds, cancellationToken), instrument, from, to, cancellationToken));
        }

        return new OutcomeReport(instrument, from, to, figures, comparison);
    }

    /// <summary>
    /// The services meeting the need side by side (those with no referrals in the period left out), and
    /// the need's figures across them all. Only the commissioner's comparison needs each service's
    /// figures: the summary and a service's own page do not pay for them.
    /// </summary>
    public async Task<ServiceComparison> CompareServicesAsync(InstrumentDefinition instrument, Guid need, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var group = await LoadAsync(await MeetingAsync([need], cancellationToken), instrument, from, to, cancellationToken, byService: true);
        return new ServiceComparison(instrument, from, to, Figures(instrument, group), await PerServiceAsync(instrument, group, cancellationToken));
    }

    private static GroupFigures Figures(InstrumentDefinition instrument, Loaded group) => Figures(instrument, group.Referred, group.Rows);

    /// <summary>The figures for the rows given: what the maths needs, and nothing about anyone.</summary>
    private static GroupFigures Figures(InstrumentDefinition instrument, int referred, IEnumerable<Row> rows)
    {
        var withBaseline = new HashSet<Guid>();
        var paired = new HashSet<Guid>();
        var pairs = instrument.Scales.ToDictionary(s => s.Id, _ => new List<PairedScore>());
        foreach (var row in rows)
        {
            withBaseline.Add(row.ReferralId);
            if (row.Paired)
            {
                paired.Add(row.ReferralId);
            }

            if (row.Latest is { } latest && pairs.TryGetValue(row.Scale, out var list))
            {
                list.Add(new PairedScore(row.Baseline, latest));
            }
        }

        var counts = new OutcomeCounts(Math.Max(referred, withBaseline.Count), withBaseline.Count, paired.Count);
        return new GroupFigures(counts, [.. instrument.Scales.Select(s =>
            new ScaleFigures(s.Id, s.Name, s.Direction, s.MeaningfulChange, PairedChange.Summarise(pairs[s.Id], s.MeaningfulChange, s.Direction)))]);
    }

    /// <summary>A group's data: its referral count (by service when asked for) and its pairs.</summary>
    private sealed record Loaded(IQueryable<Guid> Services, int Referred, IReadOnlyDictionary<Guid, int> ReferredByService, IReadOnlyList<Row> Rows);

    /// <summary>
    /// Reads the group's referral count and pairs; by service only when asked, since a need's summary
    /// has no use for a count and a service id per row across tens of thousands of services.
    /// </summary>
    private async Task<Loaded> LoadAsync(IQueryable<Guid> services, InstrumentDefinition instrument, DateOnly from, DateOnly to, CancellationToken cancellationToken, bool byService = false)
    {
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var referrals = db.Referrals.AsNoTracking().Where(r => r.ServiceId != null && services.Contains(r.ServiceId.Value) && r.CreatedAt >= start && r.CreatedAt < end);
        var key = instrument.Id;
        var pairs = db.OutcomePairs.AsNoTracking().Where(p => p.InstrumentKey == key && services.Contains(p.ServiceId) && p.ReferredAt >= start && p.ReferredAt < end);
        if (!byService)
        {
            var referred = await referrals.CountAsync(cancellationToken);
            var rows = await pairs.Select(p => new Row(Guid.Empty, p.ReferralId, p.ScaleKey, p.Baseline, p.Paired, p.Latest)).ToListAsync(cancellationToken);
            return new Loaded(services, referred, new Dictionary<Guid, int>(), rows);
        }

        var byServiceCounts = await referrals.GroupBy(r => r.ServiceId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var serviceRows = await pairs.Select(p => new Row(p.ServiceId, p.ReferralId, p.ScaleKey, p.Baseline, p.Paired, p.Latest)).ToListAsync(cancellationToken);
        return new Loaded(services, byServiceCounts.Values.Sum(), byServiceCounts, serviceRows);
    }

    private async Task<IReadOnlyList<ServiceFigures>> PerServiceAsync(InstrumentDefinition instrument, Loaded group, CancellationToken cancellationToken)
    {
        var ids = group.ReferredByService.Keys.Union(group.Rows.Select(r => r.ServiceId)).ToHashSet();
        // The names come through the group's own query, not a list of ids: a need can span tens of
        // thousands of services, and a list that long is a parameter each for SQLite to bind.
        var names = (await db.Services.AsNoTracking().Where(s => group.Services.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.OrganisationId, Organisation = s.Organisation!.Name }).ToListAsync(cancellationToken))
            .Where(n => ids.Contains(n.Id));
        var rows = group.Rows.ToLookup(r => r.ServiceId);
        return [.. names.Select(n => new ServiceFigures(n.Id, n.Name, n.OrganisationId, n.Organisation, Figures(instrument, group.ReferredByService.GetValueOrDefault(n.Id), rows[n.Id])))
            .OrderBy(s => s.Organisation, StringComparer.Ordinal).ThenBy(s => s.Service, StringComparer.Ordinal)];
    }

    /// <summary>The services in scope, as a query the database runs inside the analysis's own.</summary>
    public async Task<IQueryable<Guid>> ServicesAsync(OutcomeScope scope, CancellationToken cancellationToken = default)
    {
        switch (scope.Kind)
        {
            case OutcomeScopeKind.Service:
                return db.Services.Where(s => s.Id == scope.Id).Select(s => s.Id);
            case OutcomeScopeKind.Organisation:
                return db.Services.Where(s => s.OrganisationId == scope.Id).Select(s => s.Id);
            case OutcomeScopeKind.Need:
                return await MeetingAsync([scope.Id], cancellationToken);
            case OutcomeScopeKind.Area:
                var outcodes = await db.NeedsAreas.AsNoTracking().Where(a => a.Id == scope.Id).Select(a => a.Outcodes).FirstOrDefaultAsync(cancellationToken) ?? [];
                return db.Services.Where(s => s.ServiceAtLocations.Any(l => l.Location!.Outcode != null && outcodes.Contains(l.Location.Outcode))).Select(s => s.Id);
            default:
                var contract = await db.Contracts.AsNoTracking().Where(c => c.Id == scope.Id)
                    .Select(c => new { c.AwardId, c.Award!.OpportunityId }).FirstOrDefaultAsync(cancellationToken);
                if (contract is null)
                {
                    return db.Services.Where(_ => false).Select(s => s.Id);
                }

                var suppliers = db.Set<AwardSupplier>().Where(s => s.AwardId == contract.AwardId).Select(s => s.OrganisationId);
                var needs = await db.Opportunities.AsNoTracking().Where(o => o.Id == contract.OpportunityId)
                    .SelectMany(o => o.Needs.Select(n => n.TaxonomyTermId)).ToListAsync(cancellationToken);
                var services = db.Services.Where(s => suppliers.Contains(s.OrganisationId));
                if (needs.Count > 0)
                {
                    // A contract's outcomes are those of its suppliers' services that meet the needs it was let for.
                    var needTerms = await TermAndChildrenAsync(needs, cancellationToken);
                    services = services.Where(s => s.TaxonomyTerms.Any(t => needTerms.Contains(t.TaxonomyTermId)));
                }

                return services.Select(s => s.Id);
        }
    }

    /// <summary>The services meeting any of the needs: tagged with the term or one of its child terms.</summary>
    public async Task<IQueryable<Guid>> MeetingAsync(IReadOnlyCollection<Guid> needs, CancellationToken cancellationToken = default)
    {
        var terms = await TermAndChildrenAsync(needs, cancellationToken);
        return db.ServiceTaxonomyTerms.Where(t => terms.Contains(t.TaxonomyTermId)).Select(t => t.ServiceId).Distinct();
    }

    /// <summary>The needs a service meets: its comparison group when none is named.</summary>
    public async Task<IReadOnlyList<Guid>> NeedsOfAsync(Guid serviceId, CancellationToken cancellationToken = default) =>
        await db.ServiceTaxonomyTerms.AsNoTracking().Where(t => t.ServiceId == serviceId).Select(t => t.TaxonomyTermId).Distinct().ToListAsync(cancellationToken);

    /// <summary>
    /// What each provider was paid for the need in the period: the value of contracts let for the need
    /// (their opportunity names it or a child term), pro rata to the days of each contract's term inside
    /// the period, shared equally between the contract's suppliers that run services meeting the need
    /// (<c>providers</c>), or all to the lead when none does. The numerator of cost per outcome.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, decimal>> ContractValuesAsync(Guid need, DateOnly from, DateOnly to, IReadOnlyCollection<Guid> providers, CancellationToken cancellationToken = default)
    {
        var terms = await TermAndChildrenAsync([need], cancellationToken);
        var contracts = await db.Contracts.AsNoTracking()
            .Where(c => c.Value != null && c.Status != ContractStatus.Cancelled && c.Start <= to && c.End >= from
                && c.Award!.Opportunity!.Needs.Any(n => terms.Contains(n.TaxonomyTermId)))
            .Select(c => new { Value = c.Value!.Value, c.Start, c.End, Suppliers = c.Award!.Suppliers.OrderByDescending(s => s.IsLead).Select(s => s.OrganisationId).ToList() })
            .ToListAsync(cancellationToken);
        var values = new Dictionary<Guid, decimal>();
        foreach (var c in contracts.Where(c => c.Suppliers.Count > 0))
        {
            var days = c.End.DayNumber - c.Start.DayNumber + 1;
            var inside = Math.Min(c.End.DayNumber, to.DayNumber) - Math.Max(c.Start.DayNumber, from.DayNumber) + 1;
            var recipients = c.Suppliers.Where(providers.Contains).ToList() is { Count: > 0 } running ? running : [c.Suppliers[0]];
            foreach (var recipient in recipients)
            {
                values[recipient] = values.GetValueOrDefault(recipient) + (days <= 0 ? 0 : Money.ToPence(c.Value * inside / days / recipients.Count));
            }
        }

        return values;
    }

    private async Task<List<Guid>> TermAndChildrenAsync(IReadOnlyCollection<Guid> roots, CancellationToken cancellationToken)
    {
        var children = await db.TaxonomyTerms.AsNoTracking().Where(t => t.ParentId != null && roots.Contains(t.ParentId.Value)).Select(t => t.Id).ToListAsync(cancellationToken);
        return [.. roots.Union(children)];
    }
}
