using System.ComponentModel.DataAnnotations;
using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Web.Accounts;
using Commonweal.Web.Directory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Directory;

/// <summary>Stewards review providers' changes to checked records: approve (and so re-check) or reject with a reason.</summary>
public sealed class ReviewModel(CommonwealDbContext db) : PageModel
{
    public sealed record PendingChange(ServiceChange Change, Service Current, ServiceProfile Proposed, IReadOnlyList<(string Field, string? From, string? To)> Differences);

    public IReadOnlyList<PendingChange> Changes { get; private set; } = [];

    [BindProperty]
    [StringLength(2000, ErrorMessage = "Reason must be 2,000 characters or fewer")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostApproveAsync(Guid changeId)
    {
        if (await LoadAsync() is { } refusal)
        {
            return refusal;
        }

        var change = await db.ServiceChanges.FirstOrDefaultAsync(c => c.Id == changeId && c.Status == ServiceChangeStatus.Pending);
        if (change is null)
        {
            return NotFound();
        }

        await ServiceEditing.ApproveAsync(db, change, User.UserId()!.Value, User.Identity!.Name!);
        TempData["Banner"] = "Change approved and the service marked as checked.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid changeId)
    {
        if (await LoadAsync() is { } refusal)
        {
            return refusal;
        }

        var change = await db.ServiceChanges.FirstOrDefaultAsync(c => c.Id == changeId && c.Status == ServiceChangeStatus.Pending);
        if (change is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError("", "Enter a reason for rejecting, so that the provider knows what to correct");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await ServiceEditing.RejectAsync(db, change, User.UserId()!.Value, Reason!.Trim());
        TempData["Banner"] = "Change rejected.";
        return RedirectToPage();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (!User.IsDirectorySteward())
        {
            return Forbid();
        }

        var pending = await db.ServiceChanges.AsNoTracking().Where(c => c.Status == ServiceChangeStatus.Pending)
            .OrderBy(c => c.ProposedAt).Take(100).ToListAsync();
        var ids = pending.Select(c => c.ServiceId).ToList();
        var services = await db.Services.AsNoTracking().Include(s => s.TaxonomyTerms).Include(s => s.Organisation)
            .Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id);
        Changes = pending.Where(c => services.ContainsKey(c.ServiceId)).Select(c =>
        {
            var current = ServiceProfile.From(services[c.ServiceId]);
            var proposed = ServiceProfile.FromJson(c.Changes);
            return new PendingChange(c, services[c.ServiceId], proposed, Differences(current, proposed));
        }).ToList();
        return null;
    }

    /// <summary>Field by field, what the provider wants to change.</summary>
    private static List<(string, string?, string?)> Differences(ServiceProfile current, ServiceProfile proposed) =>
        typeof(ServiceProfile).GetProperties()
            .Select(p => (p.Name, From: Show(p.GetValue(current)), To: Show(p.GetValue(proposed))))
            .Where(d => d.From != d.To)
            .ToList();

    private static string? Show(object? value) => value switch
    {
        null => null,
        IEnumerable<Guid> ids => string.Join(", ", ids.Order()),
        _ => value.ToString(),
    };
}
