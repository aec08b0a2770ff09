using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Commonweal.Audit;
using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Procurement;
using Commonweal.Procurement.Awards;
using Commonweal.Procurement.Ocds;
using Commonweal.Web.Accounts;
using Commonweal.Web.Procurement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Procurement;

/// <summary>
/// An opportunity's notice. Published ones are public; a draft is seen only by the members of its
/// commissioning organisations, whose commissioners see the fairness check and publish from here.
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(CommonwealDbContext db, TimeProvider time, OcdsPublication ocds) : PageModel
{
    private static readonly JsonSerializerOptions StoredJson = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public Opportunity Opportunity { get; private set; } = null!;
    public IReadOnlyList<FairnessFinding> Findings { get; private set; } = [];
    public IReadOnlyList<string> NeedNames { get; private set; } = [];
    public bool CanManage { get; private set; }

    /// <summary>The awards shown once awarded: in force, with their contracts.</summary>
    public IReadOnlyList<Award> Awards { get; private set; } = [];

    /// <summary>The OCDS ocid the notice is published under; null for a draft.</summary>
    public string? Ocid { get; private set; }

    /// <summary>The currency of an imported past procurement's values (pounds for everything published here).</summary>
    public string Currency { get; private set; } = Award.Pounds;

    [BindProperty]
    [StringLength(Opportunity.ReasonMaxLength, ErrorMessage = "Reason must be 2,000 characters or fewer")]
    public string? OverrideReason { get; set; }

    [BindProperty]
    [StringLength(Opportunity.ReasonMaxLength, ErrorMessage = "Reason must be 2,000 characters or fewer")]
    public string? CancelReason { get; set; }

    public async Task<IActionResult> OnGetAsync(string reference) => await LoadAsync(reference) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(string reference)
    {
        if (!await LoadAsync(reference, tracked: true))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = OpportunityLifecycle.Publish(Opportunity, new Actor(User.UserId(), User.Name()), time.GetUtcNow().UtcDateTime, OverrideReason);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(OverrideReason), result.ErrorCode == ProcurementErrors.FairnessErrors
                ? "Give the reason these terms are justified, or change the draft: the fairness check found errors"
                : result.Message!);
            return Page();
        }

        await db.SaveChangesAsync();
        TempData["Banner"] = "The opportunity has been published.";
        return Redirect($"/opportunities/{Opportunity.Reference}");
    }

    public async Task<IActionResult> OnPostCancelAsync(string reference)
    {
        if (!await LoadAsync(reference, tracked: true))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = OpportunityLifecycle.Transition(Opportunity, OpportunityStatus.Cancelled, new Actor(User.UserId(), User.Name()), time.GetUtcNow().UtcDateTime, CancelReason);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(CancelReason), result.ErrorCode == ProcurementErrors.ReasonRequired ? "Enter a reason for cancelling" : result.Message!);
            return Page();
        }

        await db.SaveChangesAsync();
        TempData["Banner"] = "The opportunity has been cancelled.";
        return Redirect($"/opportunities/{Opportunity.Reference}");
    }

    private async Task<bool> LoadAsync(string reference, bool tracked = false)
    {
        var query = db.Opportunities.WithDetails();
        var o = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(x => x.Reference == reference.ToUpperInvariant());
        if (o is null || !User.CanSee(o))
        {
            return false;
        }

        Opportunity = o;
        CanManage = User.CanManage(o);
        Findings = o.IsPublic && o.FairnessFindingsAtPublication is { } stored
            ? JsonSerializer.Deserialize<List<FairnessFinding>>(stored, StoredJson) ?? []
            : FairnessCheck.Run(o);
        var needs = o.Needs.Select(n => n.TaxonomyTermId).ToList();
        if (o.Status == OpportunityStatus.Awarded)
        {
            Awards = [.. (await AwardQueries.ForOpportunityAsync(db, o.Id)).Where(a => a.Status != AwardStatus.Cancelled)];
        }

        Ocid = await ocds.OcidOfAsync(o);
        Currency = await db.OcdsProcesses.Where(p => p.OpportunityId == o.Id).Select(p => p.Currency).FirstOrDefaultAsync() ?? Award.Pounds;
        NeedNames = await db.TaxonomyTerms.AsNoTracking().Where(t => needs.Contains(t.Id)).Select(t => t.Name).OrderBy(n => n).ToListAsync();
        return true;
    }

    public static string When(DateTime utc) => $"{Timetable.UkLocal(utc):d MMMM yyyy, HH:mm} (UK time)";

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string NeedTaxonomyName => NeedsTaxonomy.Name;
}
