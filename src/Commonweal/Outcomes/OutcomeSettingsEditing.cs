using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Outcomes;

public sealed class SettingsInput
{
    public List<string>? Instruments { get; set; }
    public List<int>? FollowUpMonths { get; set; }
}

/// <summary>A service's outcome settings, changed by its own organisation's admins and nobody else.</summary>
public sealed class OutcomeSettingsEditing(CommonwealDbContext db, InstrumentCatalogue instruments)
{
    public static bool CanChange(Viewer viewer, Guid serviceOrganisationId) => viewer.HasRoleIn(serviceOrganisationId, MembershipRole.Admin);

    public async Task<CareResult<ServiceOutcomeSettings>> SaveAsync(Guid serviceId, SettingsInput input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Services.Where(s => s.Id == serviceId).Select(s => (Guid?)s.OrganisationId).FirstOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return CareResult<ServiceOutcomeSettings>.Fail(PersonErrors.NotFound, "Service not found.");
        }

        if (!viewer.IsSignedIn || !CanChange(viewer, organisation.Value))
        {
            return CareResult<ServiceOutcomeSettings>.Fail(viewer.IsSignedIn ? PersonErrors.NotAllowed : PersonErrors.SignInRequired,
                "Only the service's own organisation's admins can change its outcome settings.");
        }

        var chosen = (input.Instruments ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct().ToList();
        if (chosen.Count == 0)
        {
            return CareResult<ServiceOutcomeSettings>.Invalid(nameof(SettingsInput.Instruments), "Select at least one questionnaire");
        }

        var known = (await instruments.AllAsync(cancellationToken)).Select(d => d.Id).ToHashSet();
        if (chosen.FirstOrDefault(i => !known.Contains(i)) is { } unknown)
        {
            return CareResult<ServiceOutcomeSettings>.Invalid(nameof(SettingsInput.Instruments), $"There is no questionnaire \"{unknown}\"");
        }

        var months = (input.FollowUpMonths ?? []).Distinct().Order().ToList();
        if (months.Count == 0 || months.Any(m => m < 1 || m > ServiceOutcomeSettings.MaxFollowUpMonths))
        {
            return CareResult<ServiceOutcomeSettings>.Invalid(nameof(SettingsInput.FollowUpMonths),
                $"Enter the follow-up points as whole numbers of months after the baseline, from 1 to {ServiceOutcomeSettings.MaxFollowUpMonths}, such as 3 and 6");
        }

        var settings = await db.ServiceOutcomeSettings.FirstOrDefaultAsync(s => s.ServiceId == serviceId, cancellationToken);
        if (settings is null)
        {
            settings = new ServiceOutcomeSettings { ServiceId = serviceId };
            db.ServiceOutcomeSettings.Add(settings);
        }

        settings.Instruments = chosen;
        settings.FollowUpMonths = months;
        settings.UpdatedAt = db.Now;
        settings.UpdatedBy = viewer.Name;
        await db.SaveChangesAsync(cancellationToken);
        return CareResult<ServiceOutcomeSettings>.Ok(settings);
    }
}
