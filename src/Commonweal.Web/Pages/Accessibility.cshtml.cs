using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages;

[AllowAnonymous]
public class AccessibilityModel : PageModel;
