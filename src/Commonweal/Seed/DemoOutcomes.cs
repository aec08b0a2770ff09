using System.Text.Json;
using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Outcomes;
using Commonweal.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Seed;

/// <summary>
/// Outcome questionnaires in the demo area: several hundred people referred over the past year
/// to services meeting loneliness and mental wellbeing needs, with ONS4 at baseline and later,
/// and believable differences: a small peer support group with good outcomes and most people
/// followed up, the NHS trust's large service with middling change and a low follow-up rate. The
/// demo link worker has follow-ups due, and the link-worker contract has outcome targets.
/// </summary>
public static class DemoOutcomes
{
    /// <summary>Per provider: people referred, share followed up, mean change in life satisfaction.</summary>
    private static readonly (string Organisation, int People, double FollowUp, double Change)[] Providers =
    [
        ("Poplar Peer Support Network", 45, 0.85, 2.2),
        ("East London NHS Foundation Trust", 160, 0.35, 0.8),
        ("Limehouse Wellbeing CIC", 90, 0.75, 1.6),
        ("Roman Road Community Health Society", 30, 0.6, 1.2),
    ];

    private static readonly string[] GivenNames = ["Aisha", "Ben", "Chloe", "Dev", "Ellen", "Femi", "Grace", "Hamza", "Ivy", "Jack", "Kemi", "Liam", "Mei", "Nadia", "Omar", "Rosa"];
    private static readonly string[] FamilyNames = ["Ahmed", "Brown", "Clarke", "Das", "Evans", "Fraser", "Gordon", "Hussain", "Igwe", "Jones", "Khan", "Lewis", "Miah", "Novak", "Osei", "Patel"];

    public static async Task AddAsync(CommonwealDbContext db, CancellationToken cancellationToken = default)
    {
        var random = new Random(2026);
        var now = db.Now;
        var today = DateOnly.FromDateTime(now);
        var linkWorker = await db.Users.AsNoTracking().FirstAsync(u => u.Email == DemoAccounts.Practitioner, cancellationToken);
        var linkWorkerOrganisation = await db.Memberships.Where(m => m.UserId == linkWorker.Id).Select(m => m.OrganisationId).FirstAsync(cancellationToken);
        var needs = new[] { NeedsTaxonomy.TermId("loneliness"), NeedsTaxonomy.TermId("mental-wellbeing") };
        var needTerms = await db.TaxonomyTerms.AsNoTracking().Where(t => needs.Contains(t.Id) || (t.ParentId != null && needs.Contains(t.ParentId.Value))).Select(t => t.Id).ToListAsync(cancellationToken);
        var services = await db.Services.AsNoTracking().Where(s => s.Status == ServiceStatus.Active && s.TaxonomyTerms.Any(t => needTerms.Contains(t.TaxonomyTermId)))
            .Select(s => new { s.Id, s.OrganisationId, Organisation = s.Organisation!.Name, Term = s.TaxonomyTerms.Select(t => t.TaxonomyTermId).First(t => needTerms.Contains(t)) })
            .OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var ons4 = InstrumentCatalogue.BuiltIn.First(d => d.Id == InstrumentCatalogue.Ons4);
        var sequence = 0;

        void Add(Guid serviceId, Guid organisationId, Guid term, double followUp, double change, int daysAgo, bool linkWorkersOwn)
        {
            sequence++;
            var referred = now.AddDays(-daysAgo);
            var person = new Person
            {
                Id = StableIds.For($"demo-outcomes:person:{sequence}"),
                // Past the demo referrals' numbers, so no two demo people share one.
                NhsNumber = DemoReferrals.NhsNumberFor(1_000 + sequence),
                GivenName = GivenNames[random.Next(GivenNames.Length)],
                FamilyName = FamilyNames[random.Next(FamilyNames.Length)],
                DateOfBirth = new DateOnly(1940, 1, 1).AddDays(random.Next(22_000)),
                Postcode = "E3 2AB",
                ContactPreference = ContactPreference.Phone,
                RegisteredByOrganisationId = linkWorkerOrganisation,
                CreatedAt = referred,
            };
            person.RefreshMatchKey();
            db.People.Add(person);
            foreach (var scope in new[] { ConsentScope.CareTeamSharing, ConsentScope.OutcomeFollowUp })
            {
                db.Consents.Add(new Consent { PersonId = person.Id, Scope = scope, GivenBy = ConsentGivenBy.Person, Method = ConsentMethod.Verbal, GivenAt = referred, RecordedByUserId = linkWorker.Id, RecordedBy = linkWorker.DisplayName });
            }

            db.CareTeamMembers.Add(new CareTeamMember { PersonId = person.Id, UserId = linkWorker.Id, Name = linkWorker.DisplayName, OrganisationId = linkWorkerOrganisation, Role = "Social prescribing link worker", Source = CareTeamSource.Registration, JoinedAt = referred });
            var referral = new Referral
            {
                Id = StableIds.For($"demo-outcomes:referral:{sequence}"),
                Reference = ReferralReferences.New(),
                PersonId = person.Id,
                ServiceId = serviceId,
                ReceivingOrganisationId = organisationId,
                ReferringOrganisationId = linkWorkerOrganisation,
                ReferrerUserId = linkWorker.Id,
                ReferrerName = linkWorker.DisplayName,
                Status = ReferralStatus.Completed,
                StatusChangedAt = referred.AddDays(30),
                CreatedAt = referred,
                Reasons = [new ReferralReason { TaxonomyTermId = term }],
            };
            referral.Transitions.Add(new ReferralTransition { To = ReferralStatus.Sent, At = referred, ByUserId = linkWorker.Id, By = linkWorker.DisplayName });
            referral.Transitions.Add(new ReferralTransition { From = ReferralStatus.Sent, To = ReferralStatus.Completed, At = referred.AddDays(30), By = "demo" });
            db.Referrals.Add(referral);

            var baselineOn = DateOnly.FromDateTime(referred).AddDays(random.Next(1, 8));
            var start = Answers(random, 4.5, 2.0);
            Respond(db, ons4, person.Id, referral, OutcomeTimepoint.Baseline, null, baselineOn, start, linkWorker.DisplayName, now);
            if (linkWorkersOwn || random.NextDouble() >= followUp)
            {
                return;
            }

            // The latest answer the person gave: the 6-month follow-up when it is past, else 3 months, else a discharge after a few weeks.
            var (timepoint, months, on) = baselineOn.AddMonths(6) <= today ? (OutcomeTimepoint.FollowUp, (int?)6, baselineOn.AddMonths(6))
                : baselineOn.AddMonths(3) <= today ? (OutcomeTimepoint.FollowUp, 3, baselineOn.AddMonths(3))
                : (OutcomeTimepoint.Discharge, (int?)null, baselineOn.AddDays(Math.Min(28, today.DayNumber - baselineOn.DayNumber)));
            var shift = change + Normal(random) * 1.6;
            var later = start.ToDictionary(a => a.Key, a => a.Key == "anxiety"
                ? Clamp(a.Value - (int)Math.Round(shift * 0.8 + Normal(random) * 0.8))
                : Clamp(a.Value + (int)Math.Round(shift + Normal(random) * 0.8)));
            Respond(db, ons4, person.Id, referral, timepoint, months, on, later, linkWorker.DisplayName, now);
        }

        foreach (var (organisation, people, followUp, change) in Providers)
        {
            var theirs = services.Where(s => s.Organisation == organisation).ToList();
            for (var i = 0; i < people && theirs.Count > 0; i++)
            {
                var s = theirs[i % theirs.Count];
                Add(s.Id, s.OrganisationId, s.Term, followUp, change, random.Next(14, 330), linkWorkersOwn: false);
            }
        }

        // Every other service meeting the needs: a few people each, under the small-number threshold.
        foreach (var s in services.Where(s => !Providers.Any(p => p.Organisation == s.Organisation)))
        {
            for (var i = 0; i < 4; i++)
            {
                Add(s.Id, s.OrganisationId, s.Term, 0.6, 1.0, random.Next(14, 330), linkWorkersOwn: false);
            }
        }

        // The demo link worker's own people, whose 3-month follow-up is due or overdue.
        var limehouse = services.First(s => s.Organisation == "Limehouse Wellbeing CIC");
        foreach (var daysAgo in new[] { 80, 86, 92, 97, 104 })
        {
            Add(limehouse.Id, limehouse.OrganisationId, limehouse.Term, 0, 0, daysAgo, linkWorkersOwn: true);
        }

        if (await db.Contracts.AnyAsync(c => c.Id == DemoAwards.ContractId, cancellationToken))
        {
            db.ContractOutcomeTargets.AddRange(
                new ContractOutcomeTarget { ContractId = DemoAwards.ContractId, Measure = Outcomes.Analysis.OutcomeMeasure.FollowUpRate, InstrumentKey = ons4.Id, ScaleKey = "life_satisfaction", Target = 0.7, WeightPercent = 40, UpdatedAt = now, UpdatedBy = "Tom Okafor" },
                new ContractOutcomeTarget { ContractId = DemoAwards.ContractId, Measure = Outcomes.Analysis.OutcomeMeasure.ShareImproved, InstrumentKey = ons4.Id, ScaleKey = "life_satisfaction", Target = 0.5, WeightPercent = 60, UpdatedAt = now, UpdatedBy = "Tom Okafor" });
        }

        db.BulkInserts = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.BulkInserts = false;
        }
    }

    private static Dictionary<string, int> Answers(Random random, double mean, double spread)
    {
        var level = mean + Normal(random) * spread;
        return new Dictionary<string, int>
        {
            ["life_satisfaction"] = Clamp((int)Math.Round(level + Normal(random))),
            ["worthwhile"] = Clamp((int)Math.Round(level + 1 + Normal(random))),
            ["happiness"] = Clamp((int)Math.Round(level + Normal(random))),
            ["anxiety"] = Clamp((int)Math.Round(10 - level - 1 + Normal(random) * 1.5)),
        };
    }

    private static void Respond(CommonwealDbContext db, InstrumentDefinition instrument, Guid personId, Referral referral, OutcomeTimepoint timepoint, int? months,
        DateOnly on, Dictionary<string, int> answers, string by, DateTime now)
    {
        var response = new OutcomeResponse
        {
            PersonId = personId, ReferralId = referral.Id, ServiceId = referral.ServiceId!.Value, OrganisationId = referral.ReceivingOrganisationId!.Value,
            InstrumentKey = instrument.Id, InstrumentVersion = instrument.Version, Timepoint = timepoint, FollowUpMonths = months, CompletedOn = on,
            Answers = JsonSerializer.Serialize(answers), RecordedAt = on.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc) > now ? now : on.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), RecordedBy = by,
        };
        var scores = InstrumentScoring.Score(instrument, answers.ToDictionary(a => a.Key, a => (int?)a.Value)).Scores!;
        response.Scores = [.. scores.Select(s => new OutcomeScore { ResponseId = response.Id, ScaleKey = s.Key, Score = s.Value })];
        db.OutcomeResponses.Add(response);
    }

    private static int Clamp(int value) => Math.Clamp(value, 0, 10);

    /// <summary>A standard normal draw (Box-Muller).</summary>
    internal static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
