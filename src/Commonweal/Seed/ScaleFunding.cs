using Commonweal.Data;
using Commonweal.Insight;
using Commonweal.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Seed;

/// <summary>
/// Synthetic funding records for benchmarks: 1,000,000 per unit of scale, from the statutory
/// commissioners and a few hundred charitable funders to every organisation, over the last three
/// financial years and the next. Funders are drawn unevenly (a few fund most), so that some
/// recipients depend on one funder and many do not; terms of one to three years put cliffs in
/// every month. Written with one prepared insert per batch and audited as one event per batch.
/// </summary>
public static class ScaleFunding
{
    public const int RecordsPerUnit = 1_000_000;
    public const int BatchSize = 50_000;

    public static async Task<int> SeedAsync(Func<CommonwealDbContext> createContext, double scale, IProgress<int>? progress = null, int seed = 2026,
        CancellationToken cancellationToken = default)
    {
        var planned = (int)Math.Round(scale * RecordsPerUnit);
        List<(Guid Id, string Name, LegalForm? Form)> organisations;
        DateOnly today;
        await using (var db = createContext())
        {
            organisations = (await db.Organisations.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.Name, o.LegalForm }).ToListAsync(cancellationToken))
                .Select(o => (o.Id, o.Name, o.LegalForm)).ToList();
            today = DateOnly.FromDateTime(db.Now);
        }

        if (organisations.Count < 2 || planned == 0)
        {
            return 0;
        }

        var random = new Random(seed);
        var funders = organisations.Where(o => LegalForms.IsStatutoryCommissioner(o.Form)).ToList();
        funders.AddRange(organisations.Where(o => o.Form is LegalForm.RegisteredCharity or LegalForm.CharitableCompany).Take(300));
        if (funders.Count == 0)
        {
            funders.AddRange(organisations.Take(50));
        }

        var firstYear = FinancialYears.Of(today) - 3;
        var written = 0;
        while (written < planned)
        {
            await using var db = createContext();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var count = Math.Min(BatchSize, planned - written);
            var batch = new List<FundingRecord>(count);
            for (var i = 0; i < count; i++)
            {
                // Squaring a uniform draw favours the first funders: a few large funders and a long tail.
                var funder = funders[(int)(Math.Pow(random.NextDouble(), 2) * funders.Count)];
                var recipient = organisations[random.Next(organisations.Count)];
                var start = FinancialYears.Start(firstYear + random.Next(4)).AddMonths(random.Next(12));
                var record = new FundingRecord
                {
                    Source = random.Next(3) == 0 ? FundingSource.Award : FundingSource.Grant,
                    FunderOrganisationId = funder.Id,
                    FunderName = funder.Name,
                    RecipientOrganisationId = recipient.Id,
                    Amount = Math.Round((decimal)Math.Exp(7 + (random.NextDouble() * 6)), 0),
                    Title = "Synthetic funding",
                    SourceKey = $"scale:{seed}:{written + i}",
                    RecordedAt = db.Now,
                };
                record.SetDates(start.AddDays(-random.Next(60)), start, start.AddMonths(12 * (1 + random.Next(3))).AddDays(-1));
                batch.Add(record);
            }

            await BulkInserter.InsertAsync(db, batch, cancellationToken);
            db.RecordAudit("FundingRecords.Seeded", nameof(FundingRecord), $"scale:{seed}:{written}", new { records = count, scale });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            written += count;
            progress?.Report(written);
        }

        return written;
    }
}
