using Commonweal.Data;
using Commonweal.Organisations;
using Commonweal.Passport;
using Commonweal.Web.Passport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Passport;

/// <summary>An organisation's compliance passport: every kind of evidence with its status, documents and reminders.</summary>
public sealed class IndexModel(CommonwealDbContext db, TimeProvider time) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public PassportStatus Status { get; private set; } = null!;
    public IReadOnlyList<PassportReminder> Reminders { get; private set; } = [];
    public bool CanChange { get; private set; }

    public bool IsEmpty => Status.Kinds.All(k => k.Items.Count == 0);

    public async Task<IActionResult> OnGetAsync(Guid organisationId)
    {
        if (!User.CanSeePassportOf(organisationId))
        {
            return Forbid();
        }

        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId);
        if (organisation is null)
        {
            return NotFound();
        }

        Organisation = organisation;
        Status = await PassportStatus.LoadAsync(db, organisationId, time.GetUtcNow().UtcDateTime);
        Reminders = await PassportReminders.OpenAsync(db, organisationId, Status);
        CanChange = User.CanChangePassportOf(organisationId);
        return Page();
    }
}
