using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages;

/// <summary>The page for an error status code, re-executed by the status code pages middleware.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Title => Code switch
    {
        404 => "Page not found",
        403 => "You do not have permission to see this page",
        _ => "Sorry, there is a problem",
    };

    public void OnGet(int code) => Show(code);

    // A refused form post is re-executed as a POST, and must still get this page.
    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        Code = code;
        // Asked for directly, the page still answers with the status it describes.
        if (code is >= 400 and <= 599)
        {
            Response.StatusCode = code;
        }
    }
}
