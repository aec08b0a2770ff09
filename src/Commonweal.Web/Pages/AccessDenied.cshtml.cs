using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages;

/// <summary>Where the sign-in cookie sends a signed-in person who lacks the role a page needs.</summary>
[AllowAnonymous]
public class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
