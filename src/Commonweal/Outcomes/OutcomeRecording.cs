using System.Text.Json;
using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Outcomes;

/// <summary>A person's answers to one instrument, as a practitioner records them.</summary>
public sealed class ResponseInput
{
    public Guid? ReferralId { get; set; }
    public string? Instrument { get; set; }
    public OutcomeTimepoint? Timepoint { get; set; }
    public int? FollowUpMonths { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public Dictionary<string, int?>? Answers { get; set; }
}

/// <summary>A referral of the person as the outcome pages need it: the service, its settings and what is recorded.</summary>
public sealed record OutcomeReferral(Guid ReferralId, string Reference, Guid ServiceId, string ServiceName, ReferralStatus Status, DateTime CreatedAt, ServiceOutcomeSettings Settings);

/// <summary>A person's outcome record as one reader may see it.</summary>
public sealed record PersonOutcomes(
    Person Person,
    PersonAccessResult Access,
    bool ConsentsToFollowUp,
    IReadOnlyList<OutcomeReferral> Referrals,
    IReadOnlyList<OutcomeResponse> Responses)
{
    public bool CanRecord => Access.Basis != AccessBasis.BreakGlass;
}

public static class OutcomeErrors
{
    public const string ConsentRequired = "outcomes.consent-required";
    public const string Conflict = "outcomes.already-recorded";
}

/// <summary>
/// Recording a person's questionnaire answers. Who may is decided by <see cref="PersonAccess.ChangeRecord"/>
/// (the person's care team, while they consent to care team sharing); the person's consent to outcome
/// follow-up must also stand. Each read and each refused attempt is audited through <see cref="PersonRecords"/>.
/// </summary>
public sealed class OutcomeRecording(CommonwealDbContext db, PersonRecords records, InstrumentCatalogue instruments)
{
    public async Task<CareResult<PersonOutcomes>> ReadAsync(Guid personId, Viewer viewer, string purpose, CancellationToken cancellationToken = default)
    {
        var opened = await records.OpenAsync(personId, viewer, purpose, cancellationToken);
        if (!opened.Succeeded)
        {
            return CareResult<PersonOutcomes>.From(opened);
        }

        var view = opened.Value!;
        var referrals = await ReferralsOfAsync(personId, cancellationToken);
        var responses = await db.Set<OutcomeResponse>().AsNoTracking().Include(r => r.Scores).Where(r => r.PersonId == personId)
            .OrderBy(r => r.CompletedOn).ThenBy(r => r.RecordedAt).ToListAsync(cancellationToken);
        return CareResult<PersonOutcomes>.Ok(new PersonOutcomes(view.Person, view.Access, ConsentsToFollowUp(view.Facts, db.Now), referrals, responses));
    }

    public static bool ConsentsToFollowUp(PersonAccessFacts facts, DateTime now) =>
        facts.Consents.Any(c => c.Scope == ConsentScope.OutcomeFollowUp && c.IsActive(now));

    public async Task<CareResult<OutcomeResponse>> RecordAsync(Guid personId, ResponseInput input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var facts = await records.FactsAsync(personId, cancellationToken);
        var change = PersonAccess.ChangeRecord(facts, viewer, db.Now);
        if (!change.Allowed)
        {
            await records.RecordAsync(personId, change, "Record outcome response", cancellationToken);
            return CareResult<OutcomeResponse>.Fail(change.Code!, change.Reason);
        }

        if (!ConsentsToFollowUp(facts, db.Now))
        {
            var withdrawn = facts.Consents.Where(c => c.Scope == ConsentScope.OutcomeFollowUp && c.WithdrawnAt is not null).Max(c => c.WithdrawnAt);
            return CareResult<OutcomeResponse>.Fail(OutcomeErrors.ConsentRequired, withdrawn is { } at
                ? $"The person withdrew consent to outcome follow-up on {CareTime.Describe(at)}, so their answers cannot be recorded."
                : "The person has not consented to outcome follow-up: record their consent to outcome follow-up before recording their answers.");
        }

        if (input.ReferralId is null)
        {
            return CareResult<OutcomeResponse>.Invalid(nameof(ResponseInput.ReferralId), "Select the referral the answers belong to");
        }

        var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == input.ReferralId && r.PersonId == personId, cancellationToken);
        if (referral?.ServiceId is not { } serviceId)
        {
            return CareResult<OutcomeResponse>.Invalid(nameof(ResponseInput.ReferralId), "Select one of the person's referrals to a service");
        }

        if (referral.Status == ReferralStatus.Cancelled)
        {
            return CareResult<OutcomeResponse>.Invalid(nameof(ResponseInput.ReferralId), "The referral was cancelled: outcomes are not recorded for it");
        }

        var settings = await SettingsAsync(serviceId, cancellationToken);
        var definition = await instruments.FindAsync(input.Instrument, cancellationToken);
        if (definition is null || !settings.Instruments.Contains(definition.Id))
        {
            return CareResult<OutcomeResponse>.Invalid(nameof(ResponseInput.Instrument),
                $"Select the questionnaire: this service records {string.Join(" or ", settings.Instruments)}");
        }

        var earlier = await db.Set<OutcomeResponse>().AsNoTracking()
            .Where(r => r.ReferralId == referral.Id && r.InstrumentKey == definition.Id)
            .Select(r => new { r.Timepoint, r.FollowUpMonths, r.CompletedOn }).ToListAsync(cancellationToken);
        var baseline = earlier.FirstOrDefault(r => r.Timepoint == OutcomeTimepoint.Baseline);
        var today = DateOnly.FromDateTime(db.Now);
        var refusal = input.Timepoint switch
        {
            null => (nameof(ResponseInput.Timepoint), "Select when the questionnaire was answered: baseline, follow-up or discharge"),
            OutcomeTimepoint.Baseline when baseline is not null => (nameof(ResponseInput.Timepoint), $"A baseline is already recorded for this referral, answered on {Day(baseline.CompletedOn)}"),
            not OutcomeTimepoint.Baseline when baseline is null => (nameof(ResponseInput.Timepoint), "Record the baseline first: change is measured from it"),
            OutcomeTimepoint.FollowUp when input.FollowUpMonths is not { } m || !settings.FollowUpMonths.Contains(m) =>
                (nameof(ResponseInput.FollowUpMonths), $"Select the follow-up point: this service follows up at {string.Join(" and ", settings.FollowUpMonths)} months"),
            OutcomeTimepoint.FollowUp when earlier.Any(r => r.Timepoint == OutcomeTimepoint.FollowUp && r.FollowUpMonths == input.FollowUpMonths) =>
                (nameof(ResponseInput.FollowUpMonths), $"The {input.FollowUpMonths}-month follow-up is already recorded for this referral"),
            OutcomeTimepoint.Discharge when earlier.Any(r => r.Timepoint == OutcomeTimepoint.Discharge) =>
                (nameof(ResponseInput.Timepoint), "The discharge answers are already recorded for this referral"),
            _ when input.CompletedOn is null => (nameof(ResponseInput.CompletedOn), "Enter the date the questionnaire was answered"),
            _ when input.CompletedOn > today => (nameof(ResponseInput.CompletedOn), "The date answered must be today or in the past"),
            not OutcomeTimepoint.Baseline when input.CompletedOn < baseline!.CompletedOn =>
                (nameof(ResponseInput.CompletedOn), $"The date answered must not be before the baseline ({Day(baseline.CompletedOn)})"),
            _ => ((string, string)?)null,
        };
        if (refusal is { } r)
        {
            return CareResult<OutcomeResponse>.Invalid(r.Item1, r.Item2);
        }

        var (scores, validation) = InstrumentScoring.Score(definition, input.Answers);
        if (!validation.IsValid)
        {
            return CareResult<OutcomeResponse>.Invalid(validation);
        }

        var response = new OutcomeResponse
        {
            PersonId = personId,
            ReferralId = referral.Id,
            ServiceId = serviceId,
            OrganisationId = referral.ReceivingOrganisationId ?? Guid.Empty,
            InstrumentKey = definition.Id,
            InstrumentVersion = definition.Version,
            Timepoint = input.Timepoint!.Value,
            FollowUpMonths = input.Timepoint == OutcomeTimepoint.FollowUp ? input.FollowUpMonths : null,
            CompletedOn = input.CompletedOn!.Value,
            Answers = JsonSerializer.Serialize(definition.Items.ToDictionary(i => i.Id, i => input.Answers![i.Id]!.Value)),
            RecordedAt = db.Now,
            RecordedByUserId = viewer.UserId,
            RecordedBy = viewer.Name,
        };
        response.Scores = [.. scores!.Select(s => new OutcomeScore { ResponseId = response.Id, ScaleKey = s.Key, Score = s.Value })];
        db.Add(response);
        await db.SaveChangesAsync(cancellationToken);
        return CareResult<OutcomeResponse>.Ok(response);
    }

    public async Task<ServiceOutcomeSettings> SettingsAsync(Guid serviceId, CancellationToken cancellationToken = default) =>
        await db.Set<ServiceOutcomeSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.ServiceId == serviceId, cancellationToken)
            ?? ServiceOutcomeSettings.Default(serviceId);

    private async Task<IReadOnlyList<OutcomeReferral>> ReferralsOfAsync(Guid personId, CancellationToken cancellationToken)
    {
        var rows = await db.Referrals.AsNoTracking().Where(r => r.PersonId == personId && r.ServiceId != null)
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new { r.Id, r.Reference, ServiceId = r.ServiceId!.Value, ServiceName = r.Service!.Name, r.Status, r.CreatedAt })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.ServiceId).Distinct().ToList();
        var settings = await db.Set<ServiceOutcomeSettings>().AsNoTracking().Where(s => ids.Contains(s.ServiceId)).ToDictionaryAsync(s => s.ServiceId, cancellationToken);
        return [.. rows.Select(r => new OutcomeReferral(r.Id, r.Reference, r.ServiceId, r.ServiceName, r.Status, r.CreatedAt,
            settings.GetValueOrDefault(r.ServiceId) ?? ServiceOutcomeSettings.Default(r.ServiceId)))];
    }

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
