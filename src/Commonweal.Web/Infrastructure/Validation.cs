using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Commonweal.Web.Infrastructure;

public static class Validation
{
    /// <summary>
    /// Copies a validator's messages into ModelState under the page's property prefix, for the error
    /// summary; <paramref name="fieldOf"/> names the form field showing a property's error, when the
    /// form's fields differ from the input's properties.
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, ValidationResult result, string prefix, Func<string, string>? fieldOf = null)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError($"{prefix}.{(fieldOf is null ? error.PropertyName : fieldOf(error.PropertyName))}", error.ErrorMessage);
        }
    }
}
