using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commonweal.Web.Components;

/// <summary>An NHS.UK tag: <c>&lt;nhs-tag colour="green"&gt;Open&lt;/nhs-tag&gt;</c>.</summary>
[HtmlTargetElement("nhs-tag")]
public sealed partial class NhsTagTagHelper : TagHelper
{
    /// <summary>white, grey, green, aqua-green, blue, purple, pink, red, orange or yellow; dark blue when not given.</summary>
    public string? Colour { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Become("strong", Colour is not null && ColourName().IsMatch(Colour) ? $"nhsuk-tag nhsuk-tag--{Colour}" : "nhsuk-tag");
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)?$")]
    private static partial Regex ColourName();
}
