using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Insight;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Commissioning;

/// <summary>A plan with its area, needs and figures, as pages and the API show it.</summary>
public sealed record PlanReport(CommissioningPlan Plan, NeedsArea Area, string Commissioner, PlanResult Figures, IReadOnlyDictionary<Guid, IReadOnlyList<ServiceInArea>> Services);

/// <summary>Reads a plan's figures from the directory (services in the area) and funding records (their funders).</summary>
public sealed class PlanQueries(CommonwealDbContext db)
{
    public async Task<PlanReport?> ReportAsync(Guid planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.CommissioningPlans.AsNoTracking().Include(p => p.Lines).Include(p => p.Area!).ThenInclude(a => a.Needs)
            .FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan?.Area is not { } area)
        {
            return null;
        }

        var commissioner = await db.Organisations.Where(o => o.Id == plan.CommissionerOrganisationId).Select(o => o.Name).FirstAsync(cancellationToken);
        var services = await ServicesAsync(area, cancellationToken);
        var organisations = services.Values.SelectMany(s => s).Select(s => s.OrganisationId).Distinct().ToList();
        var funders = await FundersAsync(organisations, plan.Year, cancellationToken);
        var budgets = plan.Lines.GroupBy(l => l.NeedId).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
        var figures = PlanFigures.Compute(area.Needs, budgets, services, funders);
        return new PlanReport(plan, area, commissioner, figures, services);
    }

    /// <summary>Active services with a location in the area, per need they meet (by the need's term or a child of it).</summary>
    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ServiceInArea>>> ServicesAsync(NeedsArea area, CancellationToken cancellationToken)
    {
        var needTerms = area.Needs.Where(n => n.TaxonomyTermId is not null).ToDictionary(n => n.Id, n => n.TaxonomyTermId!.Value);
        if (needTerms.Count == 0 || area.Outcodes.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<ServiceInArea>>();
        }

        var roots = needTerms.Values.Distinct().ToList();
        var children = await db.TaxonomyTerms.AsNoTracking().Where(t => t.ParentId != null && roots.Contains(t.ParentId.Value))
            .Select(t => new { t.Id, Parent = t.ParentId!.Value }).ToListAsync(cancellationToken);
        var termsOf = roots.ToDictionary(r => r, r => children.Where(c => c.Parent == r).Select(c => c.Id).Append(r).ToHashSet());
        var allTerms = termsOf.Values.SelectMany(t => t).Distinct().ToList();
        var outcodes = area.Outcodes;

        var rows = await db.Services.AsNoTracking()
            .Where(s => s.Status == ServiceStatus.Active
                && s.TaxonomyTerms.Any(t => allTerms.Contains(t.TaxonomyTermId))
                && s.ServiceAtLocations.Any(l => l.Location!.Outcode != null && outcodes.Contains(l.Location.Outcode)))
            .Select(s => new { s.Id, s.Name, s.OrganisationId, Organisation = s.Organisation!.Name, Terms = s.TaxonomyTerms.Select(t => t.TaxonomyTermId).ToList() })
            .ToListAsync(cancellationToken);

        return needTerms.ToDictionary(
            n => n.Key,
            n => (IReadOnlyList<ServiceInArea>)rows.Where(r => r.Terms.Any(termsOf[n.Value].Contains))
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => new ServiceInArea(r.Id, r.Name, r.OrganisationId, r.Organisation)).ToList());
    }

    /// <summary>Funders of the providers whose funding term overlaps the plan's financial year; income the organisations recorded themselves is not a funder.</summary>
    private async Task<IReadOnlyList<ProviderFunder>> FundersAsync(List<Guid> organisations, int year, CancellationToken cancellationToken)
    {
        if (organisations.Count == 0)
        {
            return [];
        }

        var start = FinancialYears.Start(year);
        var end = FinancialYears.End(year);
        var rows = await db.FundingRecords.AsNoTracking()
            .Where(f => organisations.Contains(f.RecipientOrganisationId) && f.Source != FundingSource.OtherIncome && f.TermStart <= end && f.TermEnd >= start)
            .Select(f => new { f.RecipientOrganisationId, f.FunderOrganisationId, f.FunderName })
            .Distinct()
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ProviderFunder(r.RecipientOrganisationId, r.FunderOrganisationId?.ToString() ?? r.FunderName, r.FunderName)).ToList();
    }
}
