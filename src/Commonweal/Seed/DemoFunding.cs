using Commonweal.Data;
using Commonweal.Insight;
using Commonweal.Organisations;

namespace Commonweal.Seed;

/// <summary>
/// The demo area's funding picture, relative to today: Bow Community Kitchen depends on the
/// council for three quarters of its income and that grant ends within six months (a dependent
/// organisation facing a funding cliff); Tower Hamlets Sickle Cell Support's main grant ends
/// within six months too; the ICB funds public, third-sector and private providers of every size,
/// this year and last, so its sector share has a trend.
/// </summary>
public static class DemoFunding
{
    public const string DependentOrganisation = "Bow Community Kitchen";
    public const string PrivateProvider = "Careline Homecare Ltd";
    private const string Icb = "NHS North East London Integrated Care Board";
    private const string Council = "London Borough of Tower Hamlets";
    private const string Fund = "East London Community Health Fund";

    public static void AddTo(CommonwealDbContext db, IDictionary<string, Organisation> organisations, DateOnly today)
    {
        var careline = new Organisation
        {
            Id = StableIds.For("demo-organisation:careline"),
            Identifier = "GB-COH-12345678",
            Name = PrivateProvider,
            LegalForm = LegalForm.PrivateCompany,
            IncomeBand = IncomeBand.Large,
            Postcode = "E14 5HQ",
            Town = "London",
            Description = "Home care and reablement visits across east London.",
        };
        db.Organisations.Add(careline);
        organisations[PrivateProvider] = careline;

        var year = FinancialYears.Of(today);
        var thisYear = FinancialYears.Start(year);
        var lastYear = FinancialYears.Start(year - 1);
        var n = 0;
        void Add(string funder, string recipient, decimal amount, DateOnly start, DateOnly end, string title, FundingSource source = FundingSource.Grant)
        {
            var record = new FundingRecord
            {
                Id = StableIds.For($"demo-funding:{++n}"),
                Source = source,
                FunderOrganisationId = organisations[funder].Id,
                FunderName = funder,
                RecipientOrganisationId = organisations[recipient].Id,
                Amount = amount,
                Title = title,
                SourceKey = $"demo-funding:{n}",
                RecordedAt = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            };
            record.SetDates(start.AddDays(-30), start, end);
            db.FundingRecords.Add(record);
        }

        // Dependent, with a cliff: £45,000 of £60,000 from the council, ending in four months.
        Add(Council, DependentOrganisation, 45_000, thisYear, today.AddMonths(4), "Community meals for people living alone");
        Add(Icb, DependentOrganisation, 5_000, thisYear, FinancialYears.End(year + 1), "Cooking for health courses");
        Add(Fund, DependentOrganisation, 4_000, thisYear, FinancialYears.End(year), "Kitchen equipment");
        var donations = new FundingRecord
        {
            Id = StableIds.For("demo-funding:donations"),
            Source = FundingSource.OtherIncome,
            IncomeKind = IncomeKind.Donations,
            FunderName = "Donations and fundraising",
            RecipientOrganisationId = organisations[DependentOrganisation].Id,
            Amount = 6_000,
            Title = $"Donations and fundraising {FinancialYears.Label(year)}",
            SourceKey = $"income:Donations:{year}:DONATIONS AND FUNDRAISING",
            RecordedAt = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        };
        donations.SetDates(thisYear, thisYear, FinancialYears.End(year));
        db.FundingRecords.Add(donations);

        // A small charity whose main grant ends within six months.
        Add(Fund, "Tower Hamlets Sickle Cell Support", 8_000, today.AddMonths(-7), today.AddMonths(5), "Peer support for families");
        Add(Icb, "Tower Hamlets Sickle Cell Support", 2_000, thisYear, FinancialYears.End(year + 1), "Sickle cell awareness sessions");

        // The ICB across sectors and sizes, last year and this.
        foreach (var (start, scale) in new[] { (lastYear, 0.9m), (thisYear, 1m) })
        {
            var end = FinancialYears.End(FinancialYears.Of(start));
            Add(Icb, "East London NHS Foundation Trust", 1_200_000 * scale, start, end, "Community mental health", FundingSource.Award);
            Add(Icb, PrivateProvider, 400_000 * scale, start, end, "Discharge to assess home care", FundingSource.Award);
            Add(Icb, "Docklands Home Care Co-operative", 180_000 * scale, start, end, "Home care, Isle of Dogs", FundingSource.Award);
            Add(Icb, "Stepney Money Advice", 60_000 * scale, start, end, "Advice in GP practices");
            Add(Icb, "Poplar Peer Support Network", 6_000 * scale, start, end, "Peer support groups");
            Add(Council, "Roman Road Community Health Society", 35_000 * scale, start, end, "Community health centre");
            Add(Council, PrivateProvider, 250_000 * scale, start, end, "Home care framework", FundingSource.Award);
        }
    }
}
