using System.ComponentModel.DataAnnotations;
using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Organisations;
using Commonweal.Web.Accounts;
using Commonweal.Web.Components;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Organisations;

/// <summary>
/// An organisation's admins see who is a member and invite colleagues. No email is sent yet:
/// the invitation link is shown once, for the admin to pass on.
/// </summary>
public sealed class MembersModel(CommonwealDbContext db) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<Membership> Members { get; private set; } = [];
    public IReadOnlyList<Invitation> OpenInvitations { get; private set; } = [];
    public string? NewInvitationLink { get; private set; }

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Enter your colleague's email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        [StringLength(254, ErrorMessage = "Email address must be 254 characters or fewer")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Select a role")]
        public MembershipRole? Role { get; set; }
    }

    public IEnumerable<SelectListItem> Roles =>
        EnumItems.For<MembershipRole>(MembershipRoles.DisplayName)
            .Where(i => MembershipRoles.AllowedFor(Enum.Parse<MembershipRole>(i.Value), Organisation.LegalForm));

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }

        if (Input.Role is { } role && !MembershipRoles.AllowedFor(role, Organisation.LegalForm))
        {
            ModelState.AddModelError("Input.Role", $"A {LegalForms.DisplayName(Organisation.LegalForm).ToLowerInvariant()} cannot have commissioners");
        }

        var email = Input.Email?.Trim() ?? "";
        if (ModelState.IsValid && Members.Any(m => string.Equals(m.User!.Email, email, StringComparison.OrdinalIgnoreCase) && m.Role == Input.Role))
        {
            ModelState.AddModelError("Input.Email", $"{email} is already a member with this role");
        }

        if (ModelState.IsValid && OpenInvitations.Any(i => string.Equals(i.Email, email, StringComparison.OrdinalIgnoreCase) && i.Role == Input.Role))
        {
            ModelState.AddModelError("Input.Email", $"{email} has already been invited with this role");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (token, hash) = InvitationTokens.Create();
        db.Invitations.Add(new Invitation
        {
            OrganisationId = id,
            Email = email,
            Role = Input.Role!.Value,
            TokenHash = hash,
            InvitedByUserId = User.UserId()!.Value,
            CreatedAt = db.Now,
            ExpiresAt = db.Now + Invitation.Lifetime,
        });
        await db.SaveChangesAsync();

        NewInvitationLink = $"{Request.Scheme}://{Request.Host}/invitations/{token}";
        Input = new InviteInput();
        ModelState.Clear();
        await LoadAsync(id);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id);
        if (organisation is null)
        {
            return NotFound();
        }

        if (!User.HasRoleIn(id, MembershipRole.Admin) && !User.IsPlatformAdmin())
        {
            return Forbid();
        }

        Organisation = organisation;
        Members = await db.Memberships.AsNoTracking().Include(m => m.User)
            .Where(m => m.OrganisationId == id).OrderBy(m => m.User!.DisplayName).ToListAsync();
        var now = db.Now;
        OpenInvitations = await db.Invitations.AsNoTracking()
            .Where(i => i.OrganisationId == id && i.AcceptedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.Email).ToListAsync();
        return null;
    }
}
