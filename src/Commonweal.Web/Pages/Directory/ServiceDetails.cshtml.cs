using System.Text.Json.Nodes;
using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Web.Accounts;
using Commonweal.Web.Directory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Directory;

/// <summary>A service's public page; stewards can mark it checked, its organisation's admins can edit it.</summary>
[AllowAnonymous]
public sealed class ServiceDetailsModel(CommonwealDbContext db) : PageModel
{
    public Service Service { get; private set; } = null!;
    public IReadOnlyList<TaxonomyTerm> Needs { get; private set; } = [];
    public IReadOnlyList<Location> Locations { get; private set; } = [];
    public IReadOnlyList<string> Phones { get; private set; } = [];
    public bool IsStale { get; private set; }
    public bool CanEdit { get; private set; }

    /// <summary>Practitioners and organisation admins refer people; the public and commissioners do not.</summary>
    public bool CanRefer { get; private set; }
    public bool IsSteward { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssureAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!IsSteward)
        {
            return Forbid();
        }

        var service = await db.Services.FirstAsync(s => s.Id == id);
        ServiceEditing.Assure(db, service, User.UserId()!.Value, User.Identity!.Name!);
        await db.SaveChangesAsync();
        TempData["Banner"] = "Marked as checked today.";
        return Redirect($"/services/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Organisation).Include(s => s.Schedules)
            .Include(s => s.TaxonomyTerms).ThenInclude(t => t.TaxonomyTerm)
            .Include(s => s.ServiceAtLocations).ThenInclude(l => l.Location)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id);
        if (service is null)
        {
            return false;
        }

        Service = service;
        Needs = service.TaxonomyTerms.Select(t => t.TaxonomyTerm!).OrderBy(t => t.Name).ToList();
        Locations = service.ServiceAtLocations.Select(l => l.Location!).ToList();
        Phones = (JsonNode.Parse(service.Extra)?["phones"] as JsonArray ?? [])
            .Select(p => p?["number"]?.GetValue<string>()).OfType<string>().ToList();
        IsStale = service.IsStale(DateOnly.FromDateTime(db.Now));
        CanEdit = User.CanEditServicesOf(service.OrganisationId);
        CanRefer = User.HasRole(Commonweal.Accounts.MembershipRole.Practitioner) || User.HasRole(Commonweal.Accounts.MembershipRole.Admin);
        IsSteward = User.IsDirectorySteward();
        return true;
    }

    public static string Days(string? byDay) =>
        string.Join(", ", (byDay ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => d.Trim() switch
        {
            "MO" => "Monday", "TU" => "Tuesday", "WE" => "Wednesday", "TH" => "Thursday", "FR" => "Friday", "SA" => "Saturday", "SU" => "Sunday", var other => other,
        }));
}
