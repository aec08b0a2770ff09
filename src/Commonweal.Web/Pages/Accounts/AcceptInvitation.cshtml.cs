using System.ComponentModel.DataAnnotations;
using Commonweal.Accounts;
using Commonweal.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Accounts;

/// <summary>
/// Accepting an invitation: a signed-in user with the invited email joins at once; someone new
/// creates an account for the invited email. The link works once and only until it expires.
/// </summary>
[AllowAnonymous]
public sealed class AcceptInvitationModel(CommonwealDbContext db, UserManager<User> users, SignInManager<User> signIn) : PageModel
{
    public Invitation? Invitation { get; private set; }
    public bool HasAccount { get; private set; }
    public string? SignedInAs => User.Identity?.Name;

    [BindProperty]
    public NewAccountInput Input { get; set; } = new();

    public sealed class NewAccountInput
    {
        [Required(ErrorMessage = "Enter your full name")]
        [StringLength(Commonweal.Accounts.User.DisplayNameMaxLength, ErrorMessage = "Full name must be 100 characters or fewer")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Create a password")]
        [StringLength(200, ErrorMessage = "Password must be 200 characters or fewer")]
        public string? Password { get; set; }

        [Compare(nameof(Password), ErrorMessage = "Enter the same password twice")]
        public string? ConfirmPassword { get; set; }
    }

    public bool SignedInWithInvitedEmail =>
        Invitation is not null && string.Equals(SignedInAs, Invitation.Email, StringComparison.OrdinalIgnoreCase);

    public async Task<IActionResult> OnGetAsync(string token)
    {
        await LoadAsync(token);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        await LoadAsync(token);
        if (Invitation is null)
        {
            return Page();
        }

        User user;
        var isNewAccount = false;
        if (User.Identity?.IsAuthenticated == true)
        {
            if (!SignedInWithInvitedEmail)
            {
                ModelState.AddModelError("", $"This invitation is for {Invitation.Email}. Sign out, then open the link again");
                return Page();
            }

            if (await users.GetUserAsync(User) is not { } signedIn)
            {
                return Challenge();
            }

            user = signedIn;
        }
        else
        {
            if (HasAccount)
            {
                return Page();
            }

            if (!ModelState.IsValid)
            {
                return Page();
            }

            user = new User { DisplayName = Input.DisplayName!.Trim(), UserName = Invitation.Email, Email = Invitation.Email, EmailConfirmed = true, CreatedAt = db.Now };
            isNewAccount = true;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        if (isNewAccount)
        {
            var created = await users.CreateAsync(user, Input.Password!);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    ModelState.AddModelError("Input.Password", error.Description);
                }

                return Page();
            }
        }

        var invitation = await db.Invitations.FirstAsync(i => i.Id == Invitation.Id);
        invitation.AcceptedAt = db.Now;
        invitation.AcceptedByUserId = user.Id;
        if (!await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.OrganisationId == invitation.OrganisationId && m.Role == invitation.Role))
        {
            db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = invitation.OrganisationId, Role = invitation.Role, CreatedAt = db.Now });
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Banner"] = $"You have joined {Invitation.Organisation!.Name} as {MembershipRoles.DisplayName(invitation.Role).ToLowerInvariant()}.";
        return Redirect($"/organisations/{invitation.OrganisationId}");
    }

    private async Task LoadAsync(string token)
    {
        var hash = InvitationTokens.Hash(token ?? "");
        var invitation = await db.Invitations.AsNoTracking().Include(i => i.Organisation).FirstOrDefaultAsync(i => i.TokenHash == hash);
        Invitation = invitation is not null && invitation.IsOpen(db.Now) ? invitation : null;
        HasAccount = Invitation is not null && await users.FindByEmailAsync(Invitation.Email) is not null;
    }
}
