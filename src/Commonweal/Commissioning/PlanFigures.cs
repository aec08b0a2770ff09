namespace Commonweal.Commissioning;

/// <summary>A service in the plan's area that meets a need, with its provider.</summary>
public sealed record ServiceInArea(Guid ServiceId, string ServiceName, Guid OrganisationId, string OrganisationName);

/// <summary>A funder of a provider during the plan's year.</summary>
public sealed record ProviderFunder(Guid OrganisationId, string FunderKey, string FunderName);

public sealed record SpendBurdenRow(
    Guid NeedId, string Condition, bool IsRare, decimal? Burden, BurdenUnit? BurdenUnit, double? BurdenShare, decimal Budget, double SpendShare, double? SpendToBurden);

public sealed record UnprovidedNeed(Guid NeedId, string Name, NeedKind Kind, bool IsRare, string? OrphanetCode, double? BurdenShare, int? EstimatedPeople);

public sealed record Overlap(Guid NeedId, string Need, IReadOnlyList<string> Funders, IReadOnlyList<string> Providers);

public sealed record Gap(Guid NeedId, string Need, NeedKind Kind, bool IsRare, decimal Budget);

public sealed record PlanResult(
    IReadOnlyList<SpendBurdenRow> SpendVsBurden, IReadOnlyList<UnprovidedNeed> Unprovided, IReadOnlyList<Overlap> Overlaps, IReadOnlyList<Gap> Gaps);

/// <summary>
/// The figures a plan shows. Definitions (README "Commissioning"):
/// <list type="bullet">
/// <item><b>Burden share</b>: a condition's DALYs over the DALYs of every condition of the area
/// (or its stated percentage of the area's burden, over the sum of the stated percentages).</item>
/// <item><b>Spend share</b>: the plan's budget for the condition over its budget for all
/// conditions. Spend is read from budget lines, not funding records: grants and contracts are paid
/// to organisations, and an organisation's services meet several needs, so any split of its income
/// between conditions would be invented. Budget lines are the commissioner's own attribution.</item>
/// <item><b>Gap</b>: a need with no active service tagged with its taxonomy term (or a child term)
/// at a location in the area's outcodes. A condition with no term has no service by definition.</item>
/// <item><b>Unprovided</b>: a gap with no budget line either; rare conditions first, then other
/// conditions by burden, then social needs by people.</item>
/// <item><b>Overlap</b>: a need whose providers in the area are funded, during the plan's
/// financial year, by two or more different funders (awards and grants; not donations or trading).</item>
/// </list>
/// </summary>
public static class PlanFigures
{
    public static PlanResult Compute(
        IReadOnlyList<AreaNeed> needs,
        IReadOnlyDictionary<Guid, decimal> budgets,
        IReadOnlyDictionary<Guid, IReadOnlyList<ServiceInArea>> services,
        IReadOnlyList<ProviderFunder> funders)
    {
        var conditions = needs.Where(n => n.Kind == NeedKind.Condition).ToList();
        decimal Budget(Guid id) => budgets.GetValueOrDefault(id);
        IReadOnlyList<ServiceInArea> Services(Guid id) => services.GetValueOrDefault(id) ?? [];

        var burdenTotals = conditions.Where(c => c.Burden is > 0 && c.BurdenUnit is not null)
            .GroupBy(c => c.BurdenUnit!.Value).ToDictionary(g => g.Key, g => g.Sum(c => c.Burden!.Value));
        double? BurdenShare(AreaNeed c) => c.Burden is { } b && c.BurdenUnit is { } u && burdenTotals.TryGetValue(u, out var total) && total > 0
            ? (double)(b / total) : null;
        var conditionBudget = conditions.Sum(c => Budget(c.Id));

        var spend = conditions
            .Select(c =>
            {
                var burden = BurdenShare(c);
                var share = conditionBudget == 0 ? 0 : (double)(Budget(c.Id) / conditionBudget);
                return new SpendBurdenRow(c.Id, c.Name, c.IsRare, c.Burden, c.BurdenUnit, burden, Budget(c.Id), share, burden is > 0 ? share / burden : null);
            })
            .OrderByDescending(r => r.BurdenShare ?? -1).ThenBy(r => r.Condition, StringComparer.Ordinal)
            .ToList();

        var gaps = needs.Where(n => Services(n.Id).Count == 0)
            .OrderBy(n => n.Kind).ThenByDescending(n => n.IsRare).ThenBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => new Gap(n.Id, n.Name, n.Kind, n.IsRare, Budget(n.Id)))
            .ToList();

        var unprovided = needs.Where(n => Services(n.Id).Count == 0 && Budget(n.Id) == 0)
            .OrderBy(n => n.Kind == NeedKind.Condition ? (n.IsRare ? 0 : 1) : 2)
            .ThenByDescending(n => BurdenShare(n) ?? 0).ThenByDescending(n => n.EstimatedPeople ?? 0).ThenBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => new UnprovidedNeed(n.Id, n.Name, n.Kind, n.IsRare, n.OrphanetCode, BurdenShare(n), n.EstimatedPeople))
            .ToList();

        var fundersByOrganisation = funders.GroupBy(f => f.OrganisationId).ToDictionary(g => g.Key, g => g.ToList());
        var overlaps = new List<Overlap>();
        foreach (var need in needs.OrderBy(n => n.Name, StringComparer.Ordinal))
        {
            var providers = Services(need.Id).Select(s => (s.OrganisationId, s.OrganisationName)).Distinct().ToList();
            var needFunders = providers.SelectMany(p => fundersByOrganisation.GetValueOrDefault(p.OrganisationId) ?? [])
                .GroupBy(f => f.FunderKey).Select(g => g.First().FunderName).Order(StringComparer.Ordinal).ToList();
            if (needFunders.Count >= 2)
            {
                overlaps.Add(new Overlap(need.Id, need.Name, needFunders, providers.Select(p => p.OrganisationName).Order(StringComparer.Ordinal).ToList()));
            }
        }

        return new PlanResult(spend, unprovided, overlaps, gaps);
    }
}
