using Microsoft.AspNetCore.Mvc.Rendering;

namespace Commonweal.Web.Components;

// Placeholder until the components branch is merged; replaced by its version.
public static class EnumItems
{
    public static IEnumerable<SelectListItem> For<TEnum>(Func<TEnum, string> displayName) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new SelectListItem(displayName(v), v.ToString()));
}
