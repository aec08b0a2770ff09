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
    /// <summary>The needs its services meet, worked out once: the totals by need read it for every organisation.</summary>
    public IReadOnlyList<string> Needs { get; } = [.. ServicesAtRisk.SelectMany(s => s.Needs).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
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

    /// <summary>Every organisation with income in the year (for the command line and the benchmark: operators only).</summary>
    public async Task<IReadOnlyList<OrganisationDependency>> DependencyForAllAsync(int year, CancellationToken cancellationToken = default)
    {
        var rows = await IncomeRows(db.FundingRecords.Where(f => f.FinancialYear == year)).ToListAsync(cancellationToken);
        var names = await db.Organisations.AsNoTracking()
            .Where(o => db.FundingRecords.Any(f => f.FinancialYear == year && f.RecipientOrganisationId == o.Id))
            .Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return rows.GroupBy(r => r.RecipientId)
            .Select(g => new OrganisationDependency(g.Key, names.GetValueOrDefault(g.Key) ?? "", year, Dependency.Compute(g.Select(ToIncome))))
            .OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.OrganisationId)
            .ToList();
    }

    /// <summary>
    /// Funding cliffs for the organisations given (all when null): only organisations with a
    /// commitment ending within <paramref name="months"/> (6 or 12) of today, largest loss first.
    /// The figures are one GROUP BY over the funding records' covering index (the annual value of
    /// each term is stored with it); names, outcodes, services and needs are three more set-based
    /// reads of the recipients found, so the cost does not grow with one query per organisation.
    /// </summary>
    public async Task<IReadOnlyList<OrganisationCliff>> CliffsAsync(int months, IReadOnlyCollection<Guid>? organisations, CancellationToken cancellationToken = default)
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

        var sumsQuery = terms
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
        var sums = await sumsQuery.ToListAsync(cancellationToken);
        var wanted = scoped ? null : organisations?.ToHashSet();
        var figures = sums
            .Where(r => (months == 6 ? r.Ending6 : r.Ending12) > 0 && (wanted is null || wanted.Contains(r.Id)))
            .ToDictionary(r => r.Id, r => new CliffFigures(r.Id, r.Ending6 / 100m, r.Ending12 / 100m, r.Now / 100m, r.Later / 100m, r.Ending));
        if (figures.Count == 0)
        {
            return [];
        }

        // A short list is looked up by id; for more, whole-table reads of the few columns needed are
        // cheaper than a lookup per organisation (SQLite reads them in order instead of seeking 250,000 times).
        var ids = figures.Keys.ToList();
        var few = ids.Count <= ChunkSize;
        var orgQuery = db.Organisations.AsNoTracking();
        var serviceQuery = db.Services.AsNoTracking();
        if (few)
        {
            orgQuery = orgQuery.Where(o => ids.Contains(o.Id));
            serviceQuery = serviceQuery.Where(s => ids.Contains(s.OrganisationId));
        }

        var orgs = new Dictionary<Guid, (string Name, string? Postcode)>();
        foreach (var o in await orgQuery.Select(o => new { o.Id, o.Name, o.Postcode }).ToListAsync(cancellationToken))
        {
            if (figures.ContainsKey(o.Id))
            {
                orgs[o.Id] = (o.Name, o.Postcode);
            }
        }

        // Services, then which terms each carries, then the few terms' names: each name is read (and
        // allocated) once rather than once per service.
        var rows = await serviceQuery
            .SelectMany(s => s.TaxonomyTerms.DefaultIfEmpty(), (s, t) => new { s.Id, s.OrganisationId, s.Name, TermId = t == null ? (Guid?)null : t.TaxonomyTermId })
            .ToListAsync(cancellationToken);
        var termIds = rows.Where(r => r.TermId is not null).Select(r => r.TermId!.Value).Distinct().ToList();
        var termNames = new Dictionary<Guid, string>();
        foreach (var chunk in termIds.Chunk(ChunkSize))
        {
            foreach (var t in await db.TaxonomyTerms.AsNoTracking().Where(t => chunk.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
            {
                termNames[t.Id] = t.Name;
            }
        }

        var services = new Dictionary<Guid, (Guid OrganisationId, string Name, List<string> Needs)>();
        foreach (var r in rows)
        {
            if (!figures.ContainsKey(r.OrganisationId))
            {
                continue;
            }

            if (!services.TryGetValue(r.Id, out var service))
            {
                services[r.Id] = service = (r.OrganisationId, r.Name, []);
            }

            if (r.TermId is { } term && termNames.TryGetValue(term, out var need) && !service.Needs.Contains(need, StringComparer.Ordinal))
            {
                service.Needs.Add(need);
            }
        }

        var atRisk = services.ToLookup(s => s.Value.OrganisationId, s => new ServiceAtRisk(s.Key, s.Value.Name, [.. s.Value.Needs.Order(StringComparer.Ordinal)]));
        return figures.Values
            .Where(f => orgs.ContainsKey(f.OrganisationId))
            .Select(f => new OrganisationCliff(f.OrganisationId, orgs[f.OrganisationId].Name, Postcodes.Outcode(orgs[f.OrganisationId].Postcode), f,
                atRisk[f.OrganisationId].OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id).ToList()))
            .OrderByDescending(c => months == 6 ? c.Figures.EndingWithin6Months : c.Figures.EndingWithin12Months)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ThenBy(c => c.OrganisationId)
            .ToList();
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
