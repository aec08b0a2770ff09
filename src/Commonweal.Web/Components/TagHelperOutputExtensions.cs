using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commonweal.Web.Components;

internal static class TagHelperOutputExtensions
{
    /// <summary>Replaces the custom element with the NHS.UK element it stands for.</summary>
    public static void Become(this TagHelperOutput output, string tagName, string cssClass)
    {
        output.TagName = tagName;
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", cssClass);
    }
}
