using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages;

/// <summary>
/// Shown by the exception handler for whatever request failed, a POST included, so it has no
/// handler methods and checks no antiforgery token. It never shows the exception.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel : PageModel;
