using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commonweal.Web.Components;

/// <summary>NHS.UK inset text: <c>&lt;nhs-inset-text&gt;&lt;p&gt;...&lt;/p&gt;&lt;/nhs-inset-text&gt;</c>.</summary>
[HtmlTargetElement("nhs-inset-text")]
public sealed class NhsInsetTextTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Become("div", "nhsuk-inset-text");
        output.PreContent.SetHtmlContent("<span class=\"nhsuk-u-visually-hidden\">Information: </span>");
    }
}
