using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Seed;

/// <summary>
/// Synthetic people and referrals for benchmarks: 100,000 people and 200,000 referrals per unit,
/// each person registered (with consent to care team sharing) by a scale practitioner, referred to
/// scale directory services, with referrals spread over every state as a busy area's would be.
/// </summary>
public static class ScaleReferrals
{
    public const int PeoplePerUnit = 100_000;
    public const int ReferralsPerPerson = 2;

    private static readonly string[] GivenNames = ["Ada", "Bilal", "Carys", "Deepa", "Emeka", "Fatima", "Gareth", "Hui", "Iris", "Jamal", "Kasia", "Luca", "Maryam", "Noel", "Olu", "Pat"];
    private static readonly string[] FamilyNames = ["Ali", "Bailey", "Chen", "Doyle", "Edwards", "Francis", "Green", "Hall", "Islam", "Jackson", "Kaur", "Lee", "Murphy", "Nguyen", "Owen", "Price"];

    // Cumulative shares of final states: 15 % sent, 10 % accepted, 15 % in progress, 40 % completed, 8 % declined, 7 % did not attend, 5 % cancelled.
    private static readonly (int Upto, ReferralStatus Status)[] Spread =
        [(15, ReferralStatus.Sent), (25, ReferralStatus.Accepted), (40, ReferralStatus.InProgress), (80, ReferralStatus.Completed),
         (88, ReferralStatus.Declined), (95, ReferralStatus.DidNotAttend), (100, ReferralStatus.Cancelled)];

    public static async Task<int> SeedAsync(
        Func<CommonwealDbContext> createContext, double scale, IProgress<int>? progress = null, int seed = 2026,
        CancellationToken cancellationToken = default)
    {
        var planned = (int)Math.Round(scale * PeoplePerUnit);
        var random = new Random(seed);
        List<(Guid UserId, Guid OrganisationId)> practitioners;
        List<(Guid Id, Guid OrganisationId)> services;
        List<Guid> terms;
        await using (var db = createContext())
        {
            practitioners = (await db.Memberships.AsNoTracking()
                .Where(m => (m.Role == MembershipRole.Practitioner || m.Role == MembershipRole.Admin) && m.User!.Email!.EndsWith("@" + ScaleData.UserDomain))
                .OrderBy(m => m.Id).Select(m => new { m.UserId, m.OrganisationId }).ToListAsync(cancellationToken))
                .Select(m => (m.UserId, m.OrganisationId)).ToList();
            services = (await db.Services.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.OrganisationId }).ToListAsync(cancellationToken))
                .Select(s => (s.Id, s.OrganisationId)).ToList();
            terms = await db.TaxonomyTerms.AsNoTracking().Where(t => t.ParentId != null).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken);
        }

        if (planned == 0 || practitioners.Count == 0 || services.Count == 0 || terms.Count == 0)
        {
            return 0;
        }

        var byOrganisation = practitioners.GroupBy(p => p.OrganisationId).ToDictionary(g => g.Key, g => g.Select(p => p.UserId).ToList());
        var made = 0;
        var batch = ScaleData.BatchSize / 5;
        while (made < planned)
        {
            await using var db = createContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.BulkInserts = true;
            var now = db.Now;
            var count = Math.Min(batch, planned - made);
            for (var i = 0; i < count; i++)
            {
                var (registrar, organisation) = practitioners[random.Next(practitioners.Count)];
                var registered = now.AddDays(-random.Next(30, 730));
                var person = new Person
                {
                    NhsNumber = DemoReferrals.NhsNumberFor(1_000 + made + i),
                    GivenName = GivenNames[random.Next(GivenNames.Length)],
                    FamilyName = FamilyNames[random.Next(FamilyNames.Length)],
                    DateOfBirth = new DateOnly(1930, 1, 1).AddDays(random.Next(27_000)),
                    ContactPreference = ContactPreference.Phone,
                    Phone = "020 7946 0000",
                    RegisteredByOrganisationId = organisation,
                    CreatedAt = registered,
                };
                person.RefreshMatchKey();
                db.People.Add(person);
                db.Consents.Add(new Consent { PersonId = person.Id, Scope = ConsentScope.CareTeamSharing, GivenBy = ConsentGivenBy.Person, Method = ConsentMethod.Verbal, GivenAt = registered, RecordedByUserId = registrar, RecordedBy = "scale" });
                db.CareTeamMembers.Add(new CareTeamMember { PersonId = person.Id, UserId = registrar, Name = "scale practitioner", OrganisationId = organisation, Role = "Link worker", Source = CareTeamSource.Registration, JoinedAt = registered });
                for (var r = 0; r < ReferralsPerPerson; r++)
                {
                    AddReferral(db, random, person, registrar, organisation, services[random.Next(services.Count)], terms, byOrganisation);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            made += count;
            progress?.Report(made);
        }

        // Places held, counted once at the end rather than referral by referral.
        await using (var db = createContext())
        {
            await db.Services.ExecuteUpdateAsync(
                s => s.SetProperty(x => x.ActiveReferrals, x => db.Referrals.Count(r => r.ServiceId == x.Id && (r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.InProgress))),
                cancellationToken);
        }

        return made;
    }

    private static void AddReferral(CommonwealDbContext db, Random random, Person person, Guid referrer, Guid referringOrganisation,
        (Guid Id, Guid OrganisationId) service, List<Guid> terms, Dictionary<Guid, List<Guid>> practitioners)
    {
        var sent = person.CreatedAt.AddDays(random.Next(0, 20));
        var roll = random.Next(100);
        var final = Spread.First(s => roll < s.Upto).Status;
        var referral = new Referral
        {
            Reference = ReferralReferences.New(),
            PersonId = person.Id,
            ServiceId = service.Id,
            ReceivingOrganisationId = service.OrganisationId,
            ReferringOrganisationId = referringOrganisation,
            ReferrerUserId = referrer,
            ReferrerName = "scale practitioner",
            Urgency = (ReferralUrgency)random.Next(3),
            Status = final,
            StatusChangedAt = sent,
            CreatedAt = sent,
            Reasons = [new ReferralReason { TaxonomyTermId = terms[random.Next(terms.Count)] }],
        };
        referral.Transitions.Add(new ReferralTransition { ReferralId = referral.Id, To = ReferralStatus.Sent, At = sent, ByUserId = referrer, By = "scale practitioner" });
        var path = final switch
        {
            ReferralStatus.Sent => [],
            ReferralStatus.Accepted or ReferralStatus.Declined => [final],
            ReferralStatus.InProgress => [ReferralStatus.Accepted, final],
            ReferralStatus.Cancelled => [final],
            _ => new[] { ReferralStatus.Accepted, ReferralStatus.InProgress, final },
        };
        var receiver = practitioners.TryGetValue(service.OrganisationId, out var staff) ? staff[random.Next(staff.Count)] : (Guid?)null;
        var at = sent;
        var from = ReferralStatus.Sent;
        foreach (var to in path)
        {
            at = at.AddDays(random.Next(1, 15));
            referral.Transitions.Add(new ReferralTransition { ReferralId = referral.Id, From = from, To = to, At = at, ByUserId = to == ReferralStatus.Cancelled ? referrer : receiver, By = "scale practitioner" });
            from = to;
            if (to == ReferralStatus.Accepted && receiver is { } accepting && accepting != referrer)
            {
                db.CareTeamMembers.Add(new CareTeamMember { PersonId = person.Id, UserId = accepting, Name = "scale practitioner", OrganisationId = service.OrganisationId, Role = "Practitioner", Source = CareTeamSource.Referral, ReferralId = referral.Id, JoinedAt = at });
            }
        }

        referral.StatusChangedAt = at;
        db.Referrals.Add(referral);
    }
}
