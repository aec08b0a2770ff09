using Microsoft.AspNetCore.Mvc.Rendering;

namespace Commonweal.Web.Components;

/// <summary>Choices for radios, checkboxes and selects from an enum, valued by name so that they bind back.</summary>
public static class EnumItems
{
    public static IReadOnlyList<SelectListItem> For<TEnum>(Func<TEnum, string> displayName) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new SelectListItem(displayName(v), v.ToString())).ToList();
}
