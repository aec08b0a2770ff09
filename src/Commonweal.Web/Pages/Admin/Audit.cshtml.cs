using Commonweal.Audit;
using Commonweal.Data;
using Commonweal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Admin;

/// <summary>Platform admins read the audit log, newest first, and check its hash chain.</summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class AuditModel(CommonwealDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    // From the query only: "page" is also the route value naming the Razor page itself.
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];
    public long Total { get; private set; }
    public int TotalPages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
    public AuditVerification? Verification { get; private set; }

    public string PageHrefFormat => $"/admin/audit?entity={Uri.EscapeDataString(Entity ?? "")}&page={{0}}";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task OnPostVerifyAsync()
    {
        Verification = await AuditVerifier.VerifyAsync(db, cancellationToken: HttpContext.RequestAborted);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Entity))
        {
            // An entity type ("Organisation") or one entity's id.
            var term = Entity.Trim();
            query = query.Where(e => e.EntityType == term || e.EntityId == term);
        }

        Total = await query.LongCountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, TotalPages);
        Events = await query.OrderByDescending(e => e.Sequence).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }
}
