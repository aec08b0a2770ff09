using System.ComponentModel.DataAnnotations;
using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Procurement;
using Commonweal.Web.Accounts;
using Commonweal.Web.Components;
using Commonweal.Web.Directory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Procurement;

/// <summary>Finding work: published opportunities for everyone; a commissioner also sees their organisations' drafts.</summary>
[AllowAnonymous]
public sealed class IndexModel(CommonwealDbContext db) : PageModel
{
    public const int PageSize = 10;

    [BindProperty(SupportsGet = true)]
    public FilterInput Input { get; set; } = new();

    // From the query only: "page" is also the route value naming the Razor page itself.
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public sealed class FilterInput
    {
        public OpportunityType? Type { get; set; }

        [Range(0, long.MaxValue, ErrorMessage = "Minimum value must be £0 or more")]
        public long? MinValue { get; set; }

        [Range(0, long.MaxValue, ErrorMessage = "Maximum value must be £0 or more")]
        public long? MaxValue { get; set; }

        [StringLength(5, ErrorMessage = "Area must be an outcode like E14")]
        public string? Outcode { get; set; }

        public Guid? Need { get; set; }

        public bool Suitable { get; set; }

        public bool IncludeClosed { get; set; }
    }

    public IReadOnlyList<Opportunity> Results { get; private set; } = [];
    public IReadOnlyList<Opportunity> Drafts { get; private set; } = [];
    public int Total { get; private set; }
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<SelectListItem> Needs { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Types { get; } = EnumItems.For<OpportunityType>(ProcurementLabels.DisplayName);
    public bool IsCommissioner => User.HasRole(MembershipRole.Commissioner);

    public async Task OnGetAsync()
    {
        Needs = await NeedChoices.LoadAsync(db, includeBroadNeeds: true);
        if (IsCommissioner)
        {
            var organisations = User.Memberships().Select(m => m.OrganisationId).Distinct().ToList();
            Drafts = await db.Opportunities.AsNoTracking()
                .Where(o => o.Status == OpportunityStatus.Draft && o.Commissioners.Any(c => organisations.Contains(c.OrganisationId)))
                .OrderBy(o => o.Reference).ToListAsync();
        }

        if (Input.MinValue is not null && Input.MaxValue < Input.MinValue)
        {
            ModelState.AddModelError("Input.MaxValue", "Maximum value must not be less than the minimum value");
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        PageNumber = Math.Max(1, PageNumber);
        var filter = new OpportunityFilter
        {
            Type = Input.Type, MinValue = Input.MinValue, MaxValue = Input.MaxValue, Outcode = Input.Outcode, Need = Input.Need,
            SuitableForSmallOrganisations = Input.Suitable, IncludeClosed = Input.IncludeClosed,
        };
        (Results, Total) = await OpportunitySearch.SearchAsync(db, filter, PageNumber, PageSize, HttpContext.RequestAborted);
    }

    public string PageHrefFormat =>
        $"/opportunities?{string.Join('&', Request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}")))}&page={{0}}";
}
