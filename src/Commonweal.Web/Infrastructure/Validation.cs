using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Commonweal.Web.Infrastructure;

public static class Validation
{
    /// <summary>Copies a validator's messages into ModelState under the page's property prefix, for the error summary.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, ValidationResult result, string prefix)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError($"{prefix}.{error.PropertyName}", error.ErrorMessage);
        }
    }
}
