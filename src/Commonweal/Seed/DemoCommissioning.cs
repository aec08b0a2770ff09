using Commonweal.Commissioning;
using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Insight;
using Commonweal.Organisations;

namespace Commonweal.Seed;

/// <summary>
/// The demo area's needs and plan, and a pooled fund. The ICB's published plan for Tower Hamlets
/// (E1, E3, E14) this financial year shows a rare condition with no budget and no service
/// (Duchenne muscular dystrophy, ORPHA:262), sickle cell disorder served but unbudgeted, and food,
/// whose provider in E3 (Bow Community Kitchen) is funded by the council, the ICB and a charitable
/// fund at once (an overlap). The ICB and the council pool £1 million 60/40, and the joint
/// community connections grant round draws on it. The figures are illustrative, not official statistics.
/// </summary>
public static class DemoCommissioning
{
    public static Guid AreaId => StableIds.For("demo-commissioning:area:tower-hamlets");
    public static Guid PlanId => StableIds.For("demo-commissioning:plan");
    public static Guid PoolId => StableIds.For("demo-commissioning:pool");
    public const string RareCondition = "Duchenne muscular dystrophy";
    public const string PoolName = "Tower Hamlets integrated care fund";

    private const string Icb = "NHS North East London Integrated Care Board";
    private const string Council = "London Borough of Tower Hamlets";

    // The needs taxonomy is seeded with the directory, so social needs (and terms) only come with it.
    public static void AddTo(CommonwealDbContext db, IReadOnlyDictionary<string, Organisation> organisations, DateTime now, bool withDirectory)
    {
        var icb = organisations[Icb].Id;
        var council = organisations[Council].Id;
        var area = new NeedsArea { Id = AreaId, CommissionerOrganisationId = icb, Name = "Tower Hamlets", Outcodes = ["E1", "E14", "E3"], CreatedAt = now };
        var plan = new CommissioningPlan
        {
            Id = PlanId, CommissionerOrganisationId = icb, AreaId = AreaId, Year = FinancialYears.Of(DateOnly.FromDateTime(now)),
            Title = "Tower Hamlets community health and wellbeing plan", PublishedAt = now, CreatedAt = now,
        };

        Guid? Term(string code) => withDirectory ? NeedsTaxonomy.TermId(code) : null;
        void Condition(string name, decimal prevalence, PrevalenceUnit unit, decimal dalys, string? term, decimal budget, string? orphanet = null)
        {
            var need = new AreaNeed
            {
                Id = StableIds.For($"demo-commissioning:need:{name}"), AreaId = AreaId, Kind = NeedKind.Condition, Name = name,
                Prevalence = prevalence, PrevalenceUnit = unit, Burden = dalys, BurdenUnit = BurdenUnit.Dalys,
                IsRare = orphanet is not null, OrphanetCode = orphanet, TaxonomyTermId = term is null ? null : Term(term), CreatedAt = now,
            };
            area.Needs.Add(need);
            if (budget > 0)
            {
                plan.Lines.Add(new PlanLine { Id = StableIds.For($"demo-commissioning:line:{name}"), PlanId = PlanId, NeedId = need.Id, Amount = budget });
            }
        }

        void Social(string code, int people, decimal budget)
        {
            if (!withDirectory)
            {
                return;
            }

            var need = new AreaNeed
            {
                Id = StableIds.For($"demo-commissioning:need:{code}"), AreaId = AreaId, Kind = NeedKind.Social,
                Name = NeedsTaxonomy.Needs.First(n => n.Code == code).Name, EstimatedPeople = people, TaxonomyTermId = Term(code), CreatedAt = now,
            };
            area.Needs.Add(need);
            if (budget > 0)
            {
                plan.Lines.Add(new PlanLine { Id = StableIds.For($"demo-commissioning:line:{code}"), PlanId = PlanId, NeedId = need.Id, Amount = budget });
            }
        }

        Condition("Depression and anxiety", 110, PrevalenceUnit.PerThousand, 3_600, "mental-wellbeing", 500_000);
        Condition("Type 2 diabetes", 68, PrevalenceUnit.PerThousand, 2_400, "diabetes", 400_000);
        Condition("Chronic obstructive pulmonary disease", 18, PrevalenceUnit.PerThousand, 1_500, "respiratory", 100_000);
        Condition("Sickle cell disorder", 3.1m, PrevalenceUnit.PerThousand, 300, "sickle-cell", 0);
        Condition(RareCondition, 12, PrevalenceUnit.Count, 120, null, 0, orphanet: "ORPHA:262");
        Social("loneliness", 9_000, 150_000);
        Social("food", 6_500, 50_000);
        Social("housing", 4_000, 0);
        db.NeedsAreas.Add(area);
        db.CommissioningPlans.Add(plan);

        var pool = new PooledFund { Id = PoolId, Name = PoolName, CreatedAt = now };
        pool.Members.Add(new PoolMember { Id = StableIds.For("demo-commissioning:pool:icb"), PooledFundId = PoolId, OrganisationId = icb, Amount = 600_000, SharePercent = 60 });
        pool.Members.Add(new PoolMember { Id = StableIds.For("demo-commissioning:pool:council"), PooledFundId = PoolId, OrganisationId = council, Amount = 400_000, SharePercent = 40 });
        pool.Opportunities.Add(new PoolOpportunity { Id = StableIds.For("demo-commissioning:pool:grants"), PooledFundId = PoolId, OpportunityId = DemoProcurement.GrantRoundId });
        db.PooledFunds.Add(pool);
    }
}
