using Commonweal.Data;
using Commonweal.Outcomes;
using Commonweal.Outcomes.Analysis;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Outcomes;

/// <summary>
/// The public outcome summary on a service's page (<c>&lt;vc:public-outcomes service-id="…" /&gt;</c>): the
/// last 12 months on the service's first questionnaire, with every figure about fewer than
/// <see cref="SmallNumbers.Threshold"/> people withheld (<see cref="SmallNumbers"/>).
/// </summary>
public sealed class PublicOutcomesViewComponent(CommonwealDbContext db, InstrumentCatalogue catalogue, OutcomeAnalysis analysis, OutcomeRecording recording, TimeProvider time) : ViewComponent
{
    public sealed record Summary(Guid ServiceId, InstrumentDefinition Instrument, DateOnly From, DateOnly To, int? Referred, int? Paired, double? FollowUpRate,
        IReadOnlyList<(InstrumentScale Scale, ChangeSummary Change)> Scales, bool MaySeeFull);

    public async Task<IViewComponentResult> InvokeAsync(Guid serviceId)
    {
        var settings = await recording.SettingsAsync(serviceId);
        var instrument = await catalogue.FindAsync(settings.Instruments.FirstOrDefault());
        if (instrument is null)
        {
            return Content("");
        }

        var to = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = to.AddYears(-1).AddDays(1);
        var report = await analysis.ReportAsync(instrument, new OutcomeScope(OutcomeScopeKind.Service, serviceId), null, from, to);
        var counts = report.Figures.Counts;
        var organisation = await db.Services.Where(s => s.Id == serviceId).Select(s => s.OrganisationId).FirstOrDefaultAsync();
        var summary = new Summary(serviceId, instrument, from, to, SmallNumbers.Count(counts.NReferred), SmallNumbers.Count(counts.NPaired), SmallNumbers.FollowUpRate(counts),
            [.. report.Figures.Scales.Select(s => (instrument.Scale(s.Scale)!, SmallNumbers.Suppress(s.Change)))],
            OutcomeAccess.MaySeeService(UserClaimsPrincipal.Viewer(), organisation));
        return View("/Pages/Outcomes/_PublicOutcomes.cshtml", summary);
    }
}
