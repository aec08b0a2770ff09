using System.Security.Claims;
using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Procurement;
using Commonweal.Procurement.Clarifications;
using Commonweal.Web.Accounts;
using Commonweal.Web.Procurement;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Procurement.Questions;

/// <summary>
/// Clarification questions and answers. Everyone reads the answered ones; providers ask before the
/// clarification deadline; the opportunity's commissioners answer. No one is shown who asked.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(CommonwealDbContext db, TimeProvider time) : PageModel
{
    public Opportunity Opportunity { get; private set; } = null!;
    public IReadOnlyList<ClarificationView> Questions { get; private set; } = [];
    public bool CanAsk { get; private set; }
    public bool CanAnswer { get; private set; }
    public IReadOnlyList<SelectListItem> AskingFor { get; private set; } = [];

    [BindProperty]
    public string? Question { get; set; }

    [BindProperty]
    public Guid? OrganisationId { get; set; }

    [BindProperty]
    public Guid? QuestionId { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    public async Task<IActionResult> OnGetAsync(string reference) => await LoadAsync(reference) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAskAsync(string reference)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (!await LoadAsync(reference))
        {
            return NotFound();
        }

        var (result, _) = await Clarifications.AskAsync(db, Opportunity, User.BidViewer(), OrganisationId ?? (AskingFor.Count == 1 ? Guid.Parse(AskingFor[0].Value) : null),
            Question, time.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.Field switch { "question" => nameof(Question), "organisationId" => nameof(OrganisationId), _ => "" }, result.Message!);
            return Page();
        }

        TempData["Banner"] = "Your question has been sent. It will be published with the answer, without your name or your organisation's.";
        return Redirect($"/opportunities/{Opportunity.Reference}/questions");
    }

    public async Task<IActionResult> OnPostAnswerAsync(string reference)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (!await LoadAsync(reference))
        {
            return NotFound();
        }

        if (!CanAnswer)
        {
            return Forbid();
        }

        var result = await Clarifications.AnswerAsync(db, Opportunity, User.BidViewer(), QuestionId ?? Guid.Empty, Answer, time.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.Field == "answer" ? nameof(Answer) : "", result.Message!);
            return Page();
        }

        TempData["Banner"] = "The answer has been published.";
        return Redirect($"/opportunities/{Opportunity.Reference}/questions");
    }

    private async Task<bool> LoadAsync(string reference)
    {
        var o = await db.Opportunities.AsNoTracking().WithDetails().FirstOrDefaultAsync(x => x.Reference == reference.ToUpperInvariant());
        if (o is null || !o.IsPublic)
        {
            return false;
        }

        Opportunity = o;
        var viewer = User.BidViewer();
        Questions = await Clarifications.VisibleAsync(db, o, viewer);
        CanAsk = Clarifications.CanAsk(o, viewer, time.GetUtcNow().UtcDateTime);
        CanAnswer = User.CanManage(o);
        AskingFor = await ProviderOrganisationsAsync(User, o);
        return true;
    }

    private async Task<IReadOnlyList<SelectListItem>> ProviderOrganisationsAsync(ClaimsPrincipal user, Opportunity o)
    {
        var ids = user.Memberships().Where(m => m.Role != MembershipRole.Commissioner).Select(m => m.OrganisationId)
            .Where(id => o.Commissioners.All(c => c.OrganisationId != id)).Distinct().ToList();
        return (await db.Organisations.AsNoTracking().Where(x => ids.Contains(x.Id)).OrderBy(x => x.Name)
            .Select(x => new { x.Name, x.Id }).ToListAsync()).Select(x => new SelectListItem(x.Name, x.Id.ToString())).ToList();
    }

    public static string When(DateTime utc) => BidLabels.When(utc);
}
