using Commonweal.Data;
using Commonweal.Web.Passport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Passport;

/// <summary>Downloads a passport document, for the organisation's members only; always as an attachment, never shown inline.</summary>
public sealed class DocumentModel(CommonwealDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid organisationId, Guid documentId)
    {
        if (!User.CanSeePassportOf(organisationId))
        {
            return Forbid();
        }

        var document = await db.PassportDocuments.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == documentId && d.OrganisationId == organisationId);
        if (document is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(document.Content, document.ContentType, document.FileName);
    }
}
