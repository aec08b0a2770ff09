using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commonweal.Web.Components;

/// <summary>An NHS.UK summary list holding <c>nhs-summary-row</c>s: <c>&lt;nhs-summary-list&gt;...&lt;/nhs-summary-list&gt;</c>.</summary>
[HtmlTargetElement("nhs-summary-list")]
[RestrictChildren("nhs-summary-row")]
public sealed class NhsSummaryListTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Become("dl", "nhsuk-summary-list");
    }
}
