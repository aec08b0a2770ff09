using System.Text.Json;
using Commonweal.Data;
using Commonweal.Outcomes;
using Commonweal.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Seed;

/// <summary>
/// Synthetic ONS4 responses for benchmarks: 400,000 per unit, on the scale referrals that reached a
/// service (accepted, in progress, completed, did not attend): a baseline each, then the 3-month
/// follow-up for about six in seven, the 6-month one for about seven in ten, the 12-month one for
/// about six in ten and a discharge for about a third, each once its date has passed, with services
/// differing in how much people improve. About seven in ten scale referrals reach a service, and
/// these rates give them a little over two responses per scale referral, so a unit's 400,000 are
/// all made (the benchmark is over 400,000 responses).
/// </summary>
public static class ScaleOutcomes
{
    public const int ResponsesPerUnit = 400_000;

    /// <summary>Follow-up points (months after the baseline) and the share of people answering each.</summary>
    private static readonly (int Months, double Share)[] FollowUps = [(3, 0.85), (6, 0.7), (12, 0.6)];

    public static async Task<int> SeedAsync(Func<CommonwealDbContext> createContext, double scale, IProgress<int>? progress = null, int seed = 2026, CancellationToken cancellationToken = default)
    {
        var planned = (int)Math.Round(scale * ResponsesPerUnit);
        var random = new Random(seed);
        var ons4 = InstrumentCatalogue.BuiltIn.First(d => d.Id == InstrumentCatalogue.Ons4);
        List<(Guid Id, Guid PersonId, Guid ServiceId, Guid OrganisationId, DateTime CreatedAt)> referrals;
        await using (var db = createContext())
        {
            referrals = (await db.Referrals.AsNoTracking()
                .Where(r => r.ReferrerName == "scale practitioner" && r.ServiceId != null && r.ReceivingOrganisationId != null
                    && (r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.InProgress || r.Status == ReferralStatus.Completed || r.Status == ReferralStatus.DidNotAttend)
                    && !db.OutcomeResponses.Any(o => o.ReferralId == r.Id))
                .OrderBy(r => r.Id).Select(r => new { r.Id, r.PersonId, ServiceId = r.ServiceId!.Value, Organisation = r.ReceivingOrganisationId!.Value, r.CreatedAt })
                .ToListAsync(cancellationToken)).Select(r => (r.Id, r.PersonId, r.ServiceId, r.Organisation, r.CreatedAt)).ToList();
        }

        var made = 0;
        var next = 0;
        while (made < planned && next < referrals.Count)
        {
            await using var db = createContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.BulkInserts = true;
            var today = DateOnly.FromDateTime(db.Now);
            var batch = 0;
            while (batch < ScaleData.BatchSize && made + batch < planned && next < referrals.Count)
            {
                var r = referrals[next++];
                // Each service has its own typical improvement, from its id, so services differ believably.
                var serviceEffect = (r.ServiceId.GetHashCode() & 0xFF) / 255.0 * 2.5 - 0.3;
                var baselineOn = DateOnly.FromDateTime(r.CreatedAt).AddDays(random.Next(1, 10));
                var level = 4.5 + DemoOutcomes.Normal(random) * 2;
                Add(db, ons4, r, OutcomeTimepoint.Baseline, null, baselineOn, level, random);
                batch++;
                var points = new List<(OutcomeTimepoint, int?, DateOnly)>();
                foreach (var (months, share) in FollowUps)
                {
                    if (random.NextDouble() < share && baselineOn.AddMonths(months) <= today)
                    {
                        points.Add((OutcomeTimepoint.FollowUp, months, baselineOn.AddMonths(months)));
                    }
                }

                if (random.NextDouble() < 0.35 && baselineOn.AddDays(60) <= today)
                {
                    points.Add((OutcomeTimepoint.Discharge, null, baselineOn.AddDays(random.Next(30, 60))));
                }

                foreach (var (point, months, on) in points.TakeWhile(_ => made + batch < planned))
                {
                    Add(db, ons4, r, point, months, on, level + serviceEffect + DemoOutcomes.Normal(random) * 1.5, random);
                    batch++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            made += batch;
            progress?.Report(made);
        }

        return made;
    }

    private static void Add(CommonwealDbContext db, InstrumentDefinition ons4, (Guid Id, Guid PersonId, Guid ServiceId, Guid OrganisationId, DateTime CreatedAt) r,
        OutcomeTimepoint point, int? months, DateOnly on, double level, Random random)
    {
        int Item(double shift) => Math.Clamp((int)Math.Round(level + shift + DemoOutcomes.Normal(random)), 0, 10);
        var answers = new Dictionary<string, int> { ["life_satisfaction"] = Item(0), ["worthwhile"] = Item(1), ["happiness"] = Item(0), ["anxiety"] = Math.Clamp(9 - Item(0), 0, 10) };
        var response = new OutcomeResponse
        {
            PersonId = r.PersonId, ReferralId = r.Id, ServiceId = r.ServiceId, OrganisationId = r.OrganisationId, InstrumentKey = ons4.Id, InstrumentVersion = ons4.Version,
            Timepoint = point, FollowUpMonths = months, CompletedOn = on, Answers = JsonSerializer.Serialize(answers),
            RecordedAt = on.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), RecordedBy = "scale practitioner",
        };
        response.Scores = [.. answers.Select(a => new OutcomeScore { ResponseId = response.Id, ScaleKey = a.Key, Score = a.Value })];
        db.OutcomeResponses.Add(response);
    }
}
