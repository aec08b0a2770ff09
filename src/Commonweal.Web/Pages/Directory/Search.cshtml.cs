using System.ComponentModel.DataAnnotations;
using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Directory.Search;
using Commonweal.Web.Accounts;
using Commonweal.Web.Directory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Directory;

/// <summary>
/// Finding a service: by what someone needs, where they are, their age and when they can go.
/// Link workers (practitioners) get the same search with capacity and how to refer shown.
/// </summary>
[AllowAnonymous]
public sealed class SearchModel(CommonwealDbContext db, ServiceIndexes indexes) : PageModel
{
    public const int PageSize = 20;
    private const double MetresPerMile = 1609.344;

    [BindProperty(SupportsGet = true)]
    public SearchInput Input { get; set; } = new();

    // From the query only: "page" is also the route value naming the Razor page itself.
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public sealed class SearchInput
    {
        [StringLength(200, ErrorMessage = "Search words must be 200 characters or fewer")]
        public string? Text { get; set; }

        public Guid? Need { get; set; }

        [StringLength(10, ErrorMessage = "Postcode or area must be 10 characters or fewer")]
        public string? Postcode { get; set; }

        [Range(1, 50, ErrorMessage = "Distance must be from 1 to 50 miles")]
        public int? Miles { get; set; }

        [Range(0, 120, ErrorMessage = "Age must be a whole number from 0 to 120")]
        public int? Age { get; set; }

        public string? Day { get; set; }

        public bool AcceptingReferrals { get; set; }
    }

    public sealed record Result(Service Service, double? Miles, IReadOnlyList<string> Needs, bool Stale);

    public IReadOnlyList<Result> Results { get; private set; } = [];
    public int Total { get; private set; }
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool Searched { get; private set; }
    public IReadOnlyList<SelectListItem> Needs { get; private set; } = [];

    /// <summary>The link-worker view: practitioners see capacity and referral routes.</summary>
    public bool LinkWorkerView => User.HasRole(MembershipRole.Practitioner);

    public static IReadOnlyList<SelectListItem> Days { get; } =
        [new("Monday", "MO"), new("Tuesday", "TU"), new("Wednesday", "WE"), new("Thursday", "TH"), new("Friday", "FR"), new("Saturday", "SA"), new("Sunday", "SU")];

    public async Task OnGetAsync()
    {
        Needs = await NeedChoices.LoadAsync(db, includeBroadNeeds: true);
        Searched = Request.Query.Count > 0;
        if (!Searched)
        {
            return;
        }

        if (Input.Day is not null && Days.All(d => d.Value != Input.Day))
        {
            ModelState.AddModelError("Input.Day", "Select a day from the list");
        }

        if (Input.Miles is not null && string.IsNullOrWhiteSpace(Input.Postcode))
        {
            ModelState.AddModelError("Input.Postcode", "Enter a postcode or area to search by distance");
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        var query = new ServiceQuery
        {
            Text = string.IsNullOrWhiteSpace(Input.Text) ? null : Input.Text.Trim(),
            TaxonomyTermIds = Input.Need is { } need ? [need] : [],
            Age = Input.Age,
            Day = Input.Day,
            Postcode = string.IsNullOrWhiteSpace(Input.Postcode) ? null : Input.Postcode.Trim(),
            ProximityMetres = Input.Miles is { } miles ? (int)(miles * MetresPerMile) : null,
            AcceptingReferrals = Input.AcceptingReferrals ? true : null,
            Sort = string.IsNullOrWhiteSpace(Input.Postcode) ? ServiceSort.Relevance : ServiceSort.Distance,
        };

        // One connection for the search's version check, the postcode and the page (as the ORUK API does).
        await db.Database.OpenConnectionAsync(HttpContext.RequestAborted);
        ServiceSearchResult found;
        try
        {
            PageNumber = Math.Max(1, PageNumber);
            found = await new ServiceSearch(db, indexes).SearchAsync(query, PageNumber, PageSize, HttpContext.RequestAborted);
        }
        catch (UnknownPostcodeException)
        {
            ModelState.AddModelError("Input.Postcode", "Enter a real postcode or area in England, like E3 2AN or E3");
            return;
        }

        Total = found.Total;
        var ids = found.Hits.Select(h => h.ServiceId).ToList();
        var services = await db.Services.AsNoTracking().Include(s => s.Organisation)
            .Include(s => s.TaxonomyTerms).ThenInclude(t => t.TaxonomyTerm)
            .AsSplitQuery()
            .Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id);
        var today = DateOnly.FromDateTime(db.Now);
        Results = found.Hits.Where(h => services.ContainsKey(h.ServiceId)).Select(h =>
        {
            var s = services[h.ServiceId];
            return new Result(s, h.DistanceMetres / MetresPerMile, s.TaxonomyTerms.Select(t => t.TaxonomyTerm!.Name).Order().ToList(), s.IsStale(today));
        }).ToList();
    }

    public string PageHrefFormat =>
        $"/services?{string.Join('&', Request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}")))}&page={{0}}";
}
