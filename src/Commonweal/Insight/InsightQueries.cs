using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Commonweal.Data;
using Commonweal.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Insight;

public sealed record YearDependency(int Year, DependencyFigures Figures);

public sealed record OrganisationDependency(Guid OrganisationId, string Name, int Year, DependencyFigures Figures);

public sealed record ServiceAtRisk(Guid Id, string Name, IReadOnlyList<string> Needs);

public sealed record OrganisationCliff(
    Guid OrganisationId, string Name, string? Area, CliffFigures Figures, IReadOnlyList<ServiceAtRisk> ServicesAtRisk)
{
    /// <summary>
    /// Sorting with <see cref="StringComparer.Ordinal"/> makes a new delegate to its Compare on every
    /// call, which cost more than the sort itself for 50,000 short lists; one delegate is made here.
    /// </summary>
    private static readonly Comparison<string> Ordinal = string.CompareOrdinal;

    /// <summary>The needs its services meet, worked out once: the totals by need read it for every organisation.</summary>
    public IReadOnlyList<string> Needs { get; } = NeedsOf(ServicesAtRisk);

    /// <summary>
    /// Each need once, in order. Index loops, not LINQ or foreach over the interfaces (which allocate an
    /// enumerator each): it runs for every organisation in the cliff list, and an organisation's services
    /// meet a handful of needs, so a search of the list beats a set.
    /// </summary>
    private static string[] NeedsOf(IReadOnlyList<ServiceAtRisk> services)
    {
        var needs = new List<string>();
        for (var s = 0; s < services.Count; s++)
        {
            var serviceNeeds = services[s].Needs;
            for (var n = 0; n < serviceNeeds.Count; n++)
            {
                if (!needs.Contains(serviceNeeds[n]))
                {
                    needs.Add(serviceNeeds[n]);
                }
            }
        }

        needs.Sort(Ordinal);
        return [.. needs];
    }
}

/// <summary>
/// The insight figures read from funding records (GBP only): the one query path for dependency,
/// funding cliffs and sector share. Access is decided here too, so every page, API and command asks the same question.
/// </summary>
public sealed class InsightQueries(CommonwealDbContext db, TimeProvider time)
{
    public const string OtherIncomeLine = "Other income (recorded by the organisation)";

    /// <summary>Ids per query when looking organisations up by a list: well under SQLite's parameter limit.</summary>
    private const int ChunkSize = 500;

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public int CurrentYear => FinancialYears.Of(Today);

    /// <summary>Deny by default: members and platform admins see everything; a commissioner only organisations it funds.</summary>
    public async Task<InsightView> ViewOfAsync(InsightViewer viewer, Guid organisationId, CancellationToken cancellationToken = default)
    {
        if (viewer.PlatformAdmin || viewer.MemberOf.Contains(organisationId))
        {
            return InsightView.Own;
        }

        if (viewer.CommissionerIn.Count == 0)
        {
            return InsightView.None;
        }

        var funds = await db.FundingRecords.AnyAsync(f => f.RecipientOrganisationId == organisationId
            && f.Source != FundingSource.OtherIncome
            && f.FunderOrganisationId != null && viewer.CommissionerIn.Contains(f.FunderOrganisationId.Value), cancellationToken);
        return funds ? InsightView.Funder : InsightView.None;
    }

    /// <summary>One organisation's dependency figures for each year it has income, newest first.</summary>
    public async Task<IReadOnlyList<YearDependency>> DependencyAsync(Guid organisationId, InsightView view, CancellationToken cancellationToken = default)
    {
        var rows = await IncomeRows(db.FundingRecords.Where(f => f.RecipientOrganisationId == organisationId)).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Year)
            .OrderByDescending(g => g.Key)
            .Select(g => new YearDependency(g.Key, ForView(Dependency.Compute(g.Select(ToIncome)), view)))
            .ToList();
    }

    /// <summary>
    /// Every organisation with income in the year (for the command line and the benchmark: operators
    /// only). The year's funder totals come in recipient order from the covering index, so each
    /// organisation's figures are worked out as its rows end, without holding every row and grouping them.
    /// </summary>
    public async Task<IReadOnlyList<OrganisationDependency>> DependencyForAllAsync(int year, CancellationToken cancellationToken = default)
    {
        var names = await db.Organisations.AsNoTracking()
            .Where(o => db.FundingRecords.Any(f => f.FinancialYear == year && f.RecipientOrganisationId == o.Id))
            .Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var figures = new List<OrganisationDependency>(names.Count);
        var recipient = Guid.Empty;
        var income = new List<FunderIncome>();
        void Close()
        {
            if (income.Count > 0)
            {
                figures.Add(new OrganisationDependency(recipient, names.GetValueOrDefault(recipient) ?? "", year, Dependency.Compute(income)));
                income.Clear();
            }
        }

        await foreach (var row in IncomeRows(db.FundingRecords.Where(f => f.FinancialYear == year)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (row.RecipientId != recipient)
            {
                Close();
                recipient = row.RecipientId;
            }

            income.Add(ToIncome(row));
        }

        Close();
        return [.. figures.OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.OrganisationId)];
    }

    /// <summary>
    /// Funding cliffs for the organisations given (all when null): only organisations with a
    /// commitment ending within <paramref name="months"/> (6 or 12) of today, largest loss first.
    /// The figures are one GROUP BY over the funding records' covering index (the annual value of
    /// each term is stored with it); names and outcodes, services, and the services' needs are
    /// three more set-based reads of the recipients found, so the cost does not grow with one query per organisation.
    /// Each read streams into what the answer keeps, so a million records and 250,000 services are
    /// never held as rows in a list as well.
    /// </summary>
    public async Task<IReadOnlyList<OrganisationCliff>> CliffsAsync(int months, IReadOnlyCollection<Guid>? organisations, CancellationToken cancellationToken = default)
    {
        var figures = await CliffFiguresAsync(months, organisations, cancellationToken);
        if (figures.Count == 0)
        {
            return [];
        }

        // A short list is looked up by id; for more, whole-table reads of the few columns needed are
        // cheaper than a lookup per organisation (SQLite reads them in order instead of seeking 250,000 times).
        var ids = figures.Count <= ChunkSize ? figures.Keys.ToList() : null;
        var orgQuery = db.Organisations.AsNoTracking();
        if (ids is not null)
        {
            orgQuery = orgQuery.Where(o => ids.Contains(o.Id));
        }

        var services = await ServicesAtRiskAsync(figures, ids, cancellationToken);
        var cliffs = new List<OrganisationCliff>(figures.Count);
        await foreach (var o in orgQuery.Select(o => new { o.Id, o.Name, o.Postcode }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (figures.TryGetValue(o.Id, out var f))
            {
                cliffs.Add(new OrganisationCliff(o.Id, o.Name, Postcodes.Outcode(o.Postcode), f, services.GetValueOrDefault(o.Id) ?? []));
            }
        }

        // Every key is compared, down to the id, so the order is total and the same on every run.
        cliffs.Sort((a, b) =>
        {
            var order = Ending(b).CompareTo(Ending(a));
            order = order != 0 ? order : string.CompareOrdinal(a.Name, b.Name);
            return order != 0 ? order : a.OrganisationId.CompareTo(b.OrganisationId);
        });
        return cliffs;

        decimal Ending(OrganisationCliff c) => months == 6 ? c.Figures.EndingWithin6Months : c.Figures.EndingWithin12Months;
    }

    /// <summary>The cliff figures of the organisations given (all when null) with income ending within the months.</summary>
    private async Task<Dictionary<Guid, CliffFigures>> CliffFiguresAsync(int months, IReadOnlyCollection<Guid>? organisations, CancellationToken cancellationToken)
    {
        var today = Today;
        var six = today.AddMonths(6);
        var twelve = today.AddMonths(12);
        var terms = db.FundingRecords.AsNoTracking()
            .Where(f => f.Source != FundingSource.OtherIncome && f.Currency == "GBP" && f.TermEnd >= today && f.TermStart <= twelve);
        // A few organisations are filtered in the database; thousands (a large commissioner) in memory,
        // since a list that long would pass one SQL parameter per id.
        var scoped = organisations is { Count: <= ChunkSize };
        if (scoped)
        {
            terms = terms.Where(f => organisations!.Contains(f.RecipientOrganisationId));
        }

        var sums = terms
            .GroupBy(f => f.RecipientOrganisationId)
            .Select(g => new
            {
                Id = g.Key,
                Ending6 = g.Sum(f => f.TermEnd > today && f.TermEnd <= six ? f.AnnualPence : 0L),
                Ending12 = g.Sum(f => f.TermEnd > today && f.TermEnd <= twelve ? f.AnnualPence : 0L),
                Now = g.Sum(f => f.TermStart <= today ? f.AnnualPence : 0L),
                Later = g.Sum(f => f.TermEnd >= twelve ? f.AnnualPence : 0L),
                Ending = g.Count(f => f.TermEnd > today && f.TermEnd <= twelve),
            });
        var wanted = scoped ? null : organisations?.ToHashSet();
        var figures = new Dictionary<Guid, CliffFigures>();
        await foreach (var r in sums.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if ((months == 6 ? r.Ending6 : r.Ending12) > 0 && (wanted is null || wanted.Contains(r.Id)))
            {
                figures[r.Id] = new CliffFigures(r.Id, r.Ending6 / 100m, r.Ending12 / 100m, r.Now / 100m, r.Later / 100m, r.Ending);
            }
        }

        return figures;
    }

    /// <summary>
    /// The services of the organisations with figures, by organisation, in name order, each with the
    /// needs it meets in order. Two plain reads, services and then their terms with the term's name
    /// joined in the database, matched here: one query with a left join of services to terms had SQLite
    /// build a temporary index on every run and took four times as long. A service's needs are kept as
    /// a sorted array and services meeting the same single need share one, since almost every service
    /// meets one or none.
    /// </summary>
    private async Task<Dictionary<Guid, List<ServiceAtRisk>>> ServicesAtRiskAsync(
        Dictionary<Guid, CliffFigures> figures, List<Guid>? ids, CancellationToken cancellationToken)
    {
        var query = db.Services.AsNoTracking();
        var terms = db.ServiceTaxonomyTerms.AsNoTracking();
        if (ids is not null)
        {
            query = query.Where(s => ids.Contains(s.OrganisationId));
            var inScope = query.Select(s => s.Id);
            terms = terms.Where(t => inScope.Contains(t.ServiceId));
        }

        var services = new Dictionary<Guid, (Guid OrganisationId, string Name, string[] Needs)>();
        await foreach (var r in query.Select(s => new { s.Id, s.OrganisationId, s.Name }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (figures.ContainsKey(r.OrganisationId))
            {
                services[r.Id] = (r.OrganisationId, r.Name, []);
            }
        }

        var single = new Dictionary<string, string[]>(StringComparer.Ordinal);
        await foreach (var t in terms.Select(t => new { t.ServiceId, Need = t.TaxonomyTerm!.Name }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            ref var service = ref CollectionsMarshal.GetValueRefOrNullRef(services, t.ServiceId);
            if (!Unsafe.IsNullRef(ref service))
            {
                service.Needs = WithNeed(service.Needs, t.Need, single);
            }
        }

        var byOrganisation = new Dictionary<Guid, List<ServiceAtRisk>>();
        foreach (var (id, service) in services)
        {
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(byOrganisation, service.OrganisationId, out _);
            (list ??= []).Add(new ServiceAtRisk(id, service.Name, service.Needs));
        }

        foreach (var list in byOrganisation.Values)
        {
            list.Sort(static (a, b) =>
            {
                var order = string.CompareOrdinal(a.Name, b.Name);
                return order != 0 ? order : a.Id.CompareTo(b.Id);
            });
        }

        return byOrganisation;
    }

    /// <summary>The sorted needs with one more (unchanged if already there); a lone need's array is shared.</summary>
    private static string[] WithNeed(string[] needs, string need, Dictionary<string, string[]> single)
    {
        if (needs.Length == 0)
        {
            ref var one = ref CollectionsMarshal.GetValueRefOrAddDefault(single, need, out _);
            return one ??= [need];
        }

        var at = Array.BinarySearch(needs, need, StringComparer.Ordinal);
        return at >= 0 ? needs : [.. needs.AsSpan(0, ~at), need, .. needs.AsSpan(~at)];
    }

    /// <summary>The funding cliffs with their totals by area and by need (see <see cref="CliffTotals"/>).</summary>
    public async Task<CliffReport> CliffReportAsync(int months, IReadOnlyCollection<Guid>? organisations, CancellationToken cancellationToken = default)
    {
        var cliffs = await CliffsAsync(months, organisations, cancellationToken);
        if (cliffs.Count == 0)
        {
            return new CliffReport(months, [], [], []);
        }

        // Commissioning areas are few (one per commissioner and place) and public: all are read and matched by outcode in memory.
        var areas = (await db.NeedsAreas.AsNoTracking()
                .Join(db.Organisations, a => a.CommissionerOrganisationId, o => o.Id, (a, o) => new { a.Id, a.Name, a.Outcodes, Commissioner = o.Name })
                .ToListAsync(cancellationToken))
            .Select(a => new CommissioningAreaOutcodes(a.Id, a.Name, a.Commissioner, a.Outcodes))
            .ToList();
        return new CliffReport(months, cliffs, CliffTotals.ByArea(cliffs, areas), CliffTotals.ByNeed(cliffs));
    }

    /// <summary>Organisations a commissioner funds (through awards made here or grants): what its dashboards cover.</summary>
    public async Task<List<Guid>> FundedByAsync(IReadOnlyCollection<Guid> commissioners, CancellationToken cancellationToken = default) =>
        await db.FundingRecords.Where(f => f.Source != FundingSource.OtherIncome && f.FunderOrganisationId != null && commissioners.Contains(f.FunderOrganisationId.Value))
            .Select(f => f.RecipientOrganisationId).Distinct().ToListAsync(cancellationToken);

    /// <summary>Contract and grant value a commissioner gave, by provider sector and size and financial year: public figures.</summary>
    public async Task<IReadOnlyList<SectorShareRow>> SectorsAsync(Guid commissionerId, CancellationToken cancellationToken = default)
    {
        var flows = await db.FundingRecords.AsNoTracking()
            .Where(f => f.FunderOrganisationId == commissionerId && f.Source != FundingSource.OtherIncome && f.Currency == "GBP")
            .GroupBy(f => new { f.FinancialYear, f.Recipient!.Sector, f.Recipient.IncomeBand })
            .Select(g => new { g.Key.FinancialYear, g.Key.Sector, g.Key.IncomeBand, Pence = g.Sum(f => f.AmountPence) })
            .ToListAsync(cancellationToken);
        return SectorShare.Compute(flows.Select(f => new SectorFlow(f.FinancialYear, f.Sector, f.IncomeBand, f.Pence / 100m)));
    }

    private sealed record IncomeRow(Guid RecipientId, int Year, Guid? FunderId, FundingSource Source, IncomeKind? Kind, string FunderName, long Pence);

    private static IQueryable<IncomeRow> IncomeRows(IQueryable<FundingRecord> records) =>
        records.Where(f => f.Currency == "GBP")
            .GroupBy(f => new { f.RecipientOrganisationId, f.FinancialYear, f.FunderOrganisationId, f.Source, f.IncomeKind, f.FunderName })
            // In recipient order on any engine. Ordered by the whole key, so SQLite sees that the covering
            // index already gives this order and does not sort (by the recipient alone, it sorts).
            .OrderBy(g => g.Key.RecipientOrganisationId).ThenBy(g => g.Key.FinancialYear).ThenBy(g => g.Key.FunderOrganisationId)
            .ThenBy(g => g.Key.Source).ThenBy(g => g.Key.IncomeKind).ThenBy(g => g.Key.FunderName)
            .Select(g => new IncomeRow(g.Key.RecipientOrganisationId, g.Key.FinancialYear, g.Key.FunderOrganisationId, g.Key.Source, g.Key.IncomeKind, g.Key.FunderName, g.Sum(f => f.AmountPence)));

    /// <summary>A funder appears once however its name is spelt in different records: the key is the organisation.</summary>
    private static FunderIncome ToIncome(IncomeRow r) => new(
        r.FunderId is { } id ? id.ToString() : $"{r.Source}:{r.Kind}:{r.FunderName}",
        r.FunderName, r.Source, r.Pence / 100m);

    /// <summary>A funder sees the shares worked out on everything, but other income only as one line.</summary>
    private static DependencyFigures ForView(DependencyFigures figures, InsightView view)
    {
        if (view == InsightView.Own)
        {
            return figures;
        }

        var other = figures.Funders.Where(f => f.Source == FundingSource.OtherIncome).ToList();
        if (other.Count == 0)
        {
            return figures;
        }

        var funders = figures.Funders.Where(f => f.Source != FundingSource.OtherIncome)
            .Append(new FunderShare("other-income", OtherIncomeLine, FundingSource.OtherIncome, other.Sum(f => f.Amount), other.Sum(f => f.Share)))
            .OrderByDescending(f => f.Amount).ToList();
        var largestFunder = figures.Funders[0].Source == FundingSource.OtherIncome ? OtherIncomeLine : figures.LargestFunder;
        return figures with { Funders = funders, LargestFunder = largestFunder };
    }
}
