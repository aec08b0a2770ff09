using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Referrals;
using Commonweal.Web.Accounts;
using Commonweal.Web.Directory;
using Commonweal.Web.Referrals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Referrals;

/// <summary>A practitioner refers someone on their caseload to the directory service they found.</summary>
public sealed class NewModel(CommonwealDbContext db, MyPeople people, ReferralWork work) : PageModel
{
    public sealed class ReferralForm
    {
        public Guid? PersonId { get; set; }
        public Guid? ReferringOrganisationId { get; set; }
        public List<Guid> Reasons { get; set; } = [];
        public ReferralUrgency? Urgency { get; set; }
        public string? Notes { get; set; }
        public string? ReferrerPhone { get; set; }
        public string? ReferrerEmail { get; set; }
    }

    [BindProperty]
    public ReferralForm Input { get; set; } = new();

    public Service Service { get; private set; } = null!;
    public string? Closed { get; private set; }
    public IReadOnlyList<SelectListItem> People { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Needs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid serviceId, Guid? personId)
    {
        if (!await LoadAsync(serviceId))
        {
            return NotFound();
        }

        Input.PersonId = personId;
        return Organisations.Count == 0 ? Forbid() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid serviceId)
    {
        if (!await LoadAsync(serviceId))
        {
            return NotFound();
        }

        if (Organisations.Count == 0)
        {
            return Forbid();
        }

        var draft = new ReferralDraft
        {
            PersonId = Input.PersonId,
            ServiceId = serviceId,
            ReferringOrganisationId = Input.ReferringOrganisationId ?? (Organisations.Count == 1 ? Guid.Parse(Organisations[0].Value) : null),
            Reasons = Input.Reasons,
            Urgency = Input.Urgency,
            Notes = Input.Notes,
            ReferrerPhone = Input.ReferrerPhone,
            ReferrerEmail = Input.ReferrerEmail,
        };
        var result = await work.CreateAsync(draft, User.Viewer());
        if (!result.Succeeded)
        {
            ModelState.AddTo(result);
            return Page();
        }

        TempData["Banner"] = $"Referral {result.Value!.Reference} has been sent to {Service.Name}.";
        return Redirect($"/referrals/{result.Value.Id}");
    }

    private async Task<bool> LoadAsync(Guid serviceId)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Organisation).Include(s => s.TaxonomyTerms).FirstOrDefaultAsync(s => s.Id == serviceId);
        if (service is null)
        {
            return false;
        }

        Service = service;
        Closed = ReferralWork.ClosedToReferrals(service);
        Organisations = await ActingFor.ChoicesAsync(db, User);
        People = [.. (await people.CaseloadAsync(User.Viewer())).Where(p => p.Shared).DistinctBy(p => p.PersonId).Select(p => new SelectListItem(p.Name, p.PersonId.ToString()))];
        var all = await NeedChoices.LoadAsync(db, includeBroadNeeds: true);
        var own = service.TaxonomyTerms.Select(t => t.TaxonomyTermId.ToString()).ToHashSet();
        // The service's own needs first: a referral's reasons are usually among them.
        Needs = own.Count == 0 ? all : [.. all.Where(n => own.Contains(n.Value))];
        return true;
    }
}
