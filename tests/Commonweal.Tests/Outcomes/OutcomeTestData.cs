using System.Text.Json;
using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Outcomes;
using Commonweal.Referrals;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Outcomes;

/// <summary>Needs, services, referrals and ONS4 responses arranged directly, with the dates and scores a test needs.</summary>
public static class OutcomeTestData
{
    /// <summary>A need of its own (a taxonomy term no demo service carries), so that no demo data falls into the test's figures.</summary>
    public static async Task<Guid> NeedAsync(CommonwealDbContext db)
    {
        var term = new TaxonomyTerm { Name = $"Test need {Guid.NewGuid():N}"[..24], TaxonomyId = NeedsTaxonomy.TaxonomyId };
        db.TaxonomyTerms.Add(term);
        await db.SaveChangesAsync();
        return term.Id;
    }

    public static async Task<Guid> ServiceAsync(CommonwealDbContext db, string organisation, Guid need)
    {
        var service = new Service
        {
            Name = $"Test service {Guid.NewGuid():N}"[..28],
            OrganisationId = await ReferralTestData.OrganisationIdAsync(db, organisation),
            Status = ServiceStatus.Active,
        };
        service.TaxonomyTerms.Add(new ServiceTaxonomyTerm { ServiceId = service.Id, TaxonomyTermId = need });
        db.Services.Add(service);
        await db.SaveChangesAsync();
        return service.Id;
    }

    /// <summary>
    /// A referral made on <paramref name="referred"/>, with ONS4 answers: all four items take the
    /// given score (anxiety its own), the first being the baseline, the rest later follow-ups.
    /// </summary>
    public static async Task<Guid> ReferralAsync(CommonwealDbContext db, Guid serviceId, DateTime referred, params (OutcomeTimepoint Point, int? Months, int Wellbeing, int Anxiety, int DaysAfter)[] responses)
    {
        var service = await db.Services.AsNoTracking().FirstAsync(s => s.Id == serviceId);
        var person = new Person { GivenName = "Test", FamilyName = "Person", DateOfBirth = new DateOnly(1960, 1, 1), RegisteredByOrganisationId = service.OrganisationId, CreatedAt = referred };
        db.People.Add(person);
        var referral = new Referral
        {
            Reference = ReferralReferences.New(), PersonId = person.Id, ServiceId = serviceId, ReceivingOrganisationId = service.OrganisationId,
            ReferrerName = "test", Status = ReferralStatus.Completed, StatusChangedAt = referred, CreatedAt = referred,
        };
        db.Referrals.Add(referral);
        foreach (var (point, months, wellbeing, anxiety, daysAfter) in responses)
        {
            db.OutcomeResponses.Add(Response(referral, point, months, wellbeing, anxiety, referred.AddDays(daysAfter)));
        }

        await db.SaveChangesAsync();
        return referral.Id;
    }

    /// <summary>Another response to a referral already arranged, answered (and recorded) at <paramref name="answered"/>.</summary>
    public static async Task<Guid> RespondAsync(CommonwealDbContext db, Guid referralId, OutcomeTimepoint point, int? months, int wellbeing, int anxiety, DateTime answered)
    {
        var referral = await db.Referrals.AsNoTracking().FirstAsync(r => r.Id == referralId);
        var response = Response(referral, point, months, wellbeing, anxiety, answered);
        db.OutcomeResponses.Add(response);
        await db.SaveChangesAsync();
        return response.Id;
    }

    /// <summary>ONS4 answers to a referral: all three wellbeing items take <paramref name="wellbeing"/>, anxiety its own.</summary>
    private static OutcomeResponse Response(Referral referral, OutcomeTimepoint point, int? months, int wellbeing, int anxiety, DateTime answered)
    {
        var ons4 = InstrumentCatalogue.BuiltIn.First(d => d.Id == InstrumentCatalogue.Ons4);
        var answers = new Dictionary<string, int?> { ["life_satisfaction"] = wellbeing, ["worthwhile"] = wellbeing, ["happiness"] = wellbeing, ["anxiety"] = anxiety };
        var response = new OutcomeResponse
        {
            PersonId = referral.PersonId, ReferralId = referral.Id, ServiceId = referral.ServiceId!.Value, OrganisationId = referral.ReceivingOrganisationId!.Value,
            InstrumentKey = ons4.Id, InstrumentVersion = ons4.Version, Timepoint = point, FollowUpMonths = months, CompletedOn = DateOnly.FromDateTime(answered),
            Answers = JsonSerializer.Serialize(answers), RecordedAt = answered, RecordedBy = "test",
        };
        response.Scores = [.. InstrumentScoring.Score(ons4, answers).Scores!.Select(s => new OutcomeScore { ResponseId = response.Id, ScaleKey = s.Key, Score = s.Value })];
        return response;
    }

    public static (OutcomeTimepoint, int?, int, int, int) Baseline(int wellbeing, int anxiety) => (OutcomeTimepoint.Baseline, null, wellbeing, anxiety, 0);

    public static (OutcomeTimepoint, int?, int, int, int) FollowUp(int months, int wellbeing, int anxiety) => (OutcomeTimepoint.FollowUp, months, wellbeing, anxiety, months * 30);

    public static (OutcomeTimepoint, int?, int, int, int) Discharge(int wellbeing, int anxiety, int daysAfter) => (OutcomeTimepoint.Discharge, null, wellbeing, anxiety, daysAfter);
}
