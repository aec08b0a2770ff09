using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Seed;

/// <summary>
/// People of the demo area and their referrals, one in every state, with care teams that cross a GP
/// practice, the council and community organisations. Everyone here is fictional; the NHS numbers
/// are in the 999 range, which the NHS never issues.
/// </summary>
public static class DemoReferrals
{
    private sealed record Step(ReferralStatus To, string By, int DaysAfterSending, string? Reason = null);

    public static async Task AddAsync(CommonwealDbContext db, CancellationToken cancellationToken = default)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => u.Email == DemoAccounts.Practitioner || u.Email == DemoAccounts.GeneralPractitioner || u.Email == DemoAccounts.SocialWorker
                || u.Email == DemoAccounts.MoneyAdviser || u.Email == DemoAccounts.ProviderAdmin)
            .ToDictionaryAsync(u => u.Email!, cancellationToken);
        var memberships = await db.Memberships.AsNoTracking().Where(m => users.Values.Select(u => u.Id).Contains(m.UserId))
            .ToDictionaryAsync(m => m.UserId, m => m.OrganisationId, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var services = await db.Services.Include(s => s.TaxonomyTerms).Where(s => s.Status == ServiceStatus.Active).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        Service ServiceOf(string organisation) => services.First(s => organisations[s.OrganisationId] == organisation);
        var now = db.Now;
        var sequence = 0;

        Person Register(string given, string family, DateOnly born, string postcode, string whatMatters, string registeredBy, string role, int daysAgo)
        {
            var user = users[registeredBy];
            var person = new Person
            {
                Id = StableIds.For($"person:{given} {family}"),
                NhsNumber = NhsNumberFor(++sequence),
                GivenName = given,
                FamilyName = family,
                DateOfBirth = born,
                Postcode = postcode,
                Phone = $"020 7946 0{sequence:D3}",
                ContactPreference = ContactPreference.Phone,
                WhatMattersToMe = whatMatters,
                RegisteredByOrganisationId = memberships[user.Id],
                CreatedAt = now.AddDays(-daysAgo),
            };
            person.RefreshMatchKey();
            db.People.Add(person);
            db.Consents.Add(new Consent
            {
                PersonId = person.Id, Scope = ConsentScope.CareTeamSharing, GivenBy = ConsentGivenBy.Person, Method = ConsentMethod.Verbal,
                GivenAt = person.CreatedAt, RecordedByUserId = user.Id, RecordedBy = user.DisplayName,
            });
            Join(person, registeredBy, role, CareTeamSource.Registration, null, person.CreatedAt);
            return person;
        }

        void Join(Person person, string email, string role, CareTeamSource source, Guid? referralId, DateTime at)
        {
            var user = users[email];
            db.CareTeamMembers.Add(new CareTeamMember
            {
                PersonId = person.Id, UserId = user.Id, Name = user.DisplayName, OrganisationId = memberships[user.Id],
                Role = role, Source = source, ReferralId = referralId, JoinedAt = at,
            });
        }

        Referral Refer(Person person, string referrer, string organisation, ReferralUrgency urgency, string notes, int daysAgo, params Step[] steps)
        {
            var user = users[referrer];
            var service = ServiceOf(organisation);
            var sent = now.AddDays(-daysAgo);
            var referral = new Referral
            {
                Id = StableIds.For($"referral:{person.GivenName} {person.FamilyName}:{organisation}"),
                Reference = ReferralReferences.New(),
                PersonId = person.Id,
                ServiceId = service.Id,
                ReceivingOrganisationId = service.OrganisationId,
                ReferringOrganisationId = memberships[user.Id],
                ReferrerUserId = user.Id,
                ReferrerName = user.DisplayName,
                ReferrerOrganisationName = organisations[memberships[user.Id]],
                Urgency = urgency,
                Notes = notes,
                Status = ReferralStatus.Sent,
                StatusChangedAt = sent,
                CreatedAt = sent,
                Reasons = [.. service.TaxonomyTerms.Take(2).Select(t => new ReferralReason { TaxonomyTermId = t.TaxonomyTermId })],
            };
            referral.Transitions.Add(new ReferralTransition { To = ReferralStatus.Sent, At = sent, ByUserId = user.Id, By = user.DisplayName });
            foreach (var step in steps)
            {
                var by = users[step.By];
                var at = sent.AddDays(step.DaysAfterSending);
                referral.Transitions.Add(new ReferralTransition { From = referral.Status, To = step.To, At = at, ByUserId = by.Id, By = by.DisplayName, Reason = step.Reason });
                referral.Status = step.To;
                referral.StatusChangedAt = at;
                referral.StatusReason = step.Reason ?? referral.StatusReason;
                if (step.To == ReferralStatus.Accepted && step.By != referrer)
                {
                    Join(person, step.By, $"Practitioner, {service.Name}", CareTeamSource.Referral, referral.Id, at);
                }
            }

            db.Referrals.Add(referral);
            return referral;
        }

        const string LinkWorker = DemoAccounts.Practitioner;
        const string Gp = DemoAccounts.GeneralPractitioner;
        const string Kitchen = DemoAccounts.ProviderAdmin;
        const string Adviser = DemoAccounts.MoneyAdviser;

        // Amina's care crosses a GP practice, the council and two community organisations.
        var amina = Register("Amina", "Begum", new DateOnly(1951, 4, 12), "E3 2AB",
            "Getting back to my allotment, and not feeling so alone since my husband died.", LinkWorker, "Social prescribing link worker", 60);
        Join(amina, Gp, "GP", CareTeamSource.Added, null, amina.CreatedAt.AddDays(1));
        Join(amina, DemoAccounts.SocialWorker, "Adult social care worker", CareTeamSource.Added, null, amina.CreatedAt.AddDays(3));
        Refer(amina, LinkWorker, "Bow Community Kitchen", ReferralUrgency.Routine, "Lives alone; would like to cook and eat with others.", 55,
            new Step(ReferralStatus.Accepted, Kitchen, 2), new Step(ReferralStatus.InProgress, Kitchen, 7), new Step(ReferralStatus.Completed, Kitchen, 49, "Comes to Tuesday lunch every week."));
        Refer(amina, LinkWorker, "Stepney Money Advice", ReferralUrgency.Soon, "Pension credit not claimed; council tax arrears letter.", 40,
            new Step(ReferralStatus.Accepted, Adviser, 1), new Step(ReferralStatus.InProgress, Adviser, 3));

        var george = Register("George", "Palmer", new DateOnly(1948, 11, 2), "E3 4QL", "Walking to the park with my dog again.", Gp, "GP", 5);
        Refer(george, Gp, "Bow Community Kitchen", ReferralUrgency.Routine, "Recently bereaved; eats poorly.", 2);

        var joyce = Register("Joyce", "Adeyemi", new DateOnly(1979, 6, 23), "E14 7HA", "Keeping my flat and my job.", LinkWorker, "Social prescribing link worker", 12);
        Refer(joyce, LinkWorker, "Stepney Money Advice", ReferralUrgency.Urgent, "Eviction notice received last week.", 10, new Step(ReferralStatus.Accepted, Adviser, 1));

        var tomasz = Register("Tomasz", "Nowak", new DateOnly(1990, 2, 14), "E14 0AB", "Finding work that fits around my back pain.", LinkWorker, "Social prescribing link worker", 30);
        Refer(tomasz, LinkWorker, "Bow Community Kitchen", ReferralUrgency.Routine, "Interested in the cooking course as a way back to work.", 28,
            new Step(ReferralStatus.Declined, Kitchen, 2, "The course is full until spring; we suggest the Island Health walking group meanwhile."));

        var mary = Register("Mary", "O'Brien", new DateOnly(1944, 8, 30), "E3 5ES", "Seeing my friends at church.", Gp, "GP", 40);
        Refer(mary, Gp, "Stepney Money Advice", ReferralUrgency.Routine, "Worried about heating bills.", 35,
            new Step(ReferralStatus.Accepted, Adviser, 2), new Step(ReferralStatus.DidNotAttend, Adviser, 16, "Two appointments missed; we wrote to her and to the GP."));

        var abdul = Register("Abdul", "Karim", new DateOnly(1967, 1, 9), "E1 3BL", "Getting my strength back after the operation.", LinkWorker, "Social prescribing link worker", 20);
        Refer(abdul, LinkWorker, "Bow Community Kitchen", ReferralUrgency.Routine, "Wants to learn to cook for a diabetic diet.", 18,
            new Step(ReferralStatus.Cancelled, LinkWorker, 3, "Moved to live with his daughter in Essex."));

        // The places these referrals hold, as accepting them on the platform would have counted.
        foreach (var held in db.ChangeTracker.Entries<Referral>().Select(e => e.Entity).Where(r => r.HoldsPlace).GroupBy(r => r.ServiceId))
        {
            ReferralCapacity.Apply(services.First(s => s.Id == held.Key), held.Count());
        }

        await db.SaveChangesAsync(cancellationToken);
        await DemoCarePlans.AddAsync(db, amina.Id, cancellationToken);
    }

    /// <summary>Fictional NHS numbers in the 999 range with valid check digits: the demo's people fail no real lookup and match no real patient.</summary>
    public static string NhsNumberFor(int n)
    {
        for (var stem = 999_000_000 + (n * 97); ; stem++)
        {
            var digits = stem.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (NhsNumber.CheckDigit(digits + "0") is { } check)
            {
                return digits + check;
            }
        }
    }
}
