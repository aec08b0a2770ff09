using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commonweal.Web.Components;

/// <summary>An NHS.UK back link: <c>&lt;nhs-back-link href="/organisations" /&gt;</c>, or with other text as its content.</summary>
[HtmlTargetElement("nhs-back-link")]
public sealed class NhsBackLinkTagHelper : TagHelper
{
    public string Href { get; set; } = "";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        output.Become("a", "nhsuk-back-link");
        output.Attributes.SetAttribute("href", Href);
        if (content.IsEmptyOrWhiteSpace)
        {
            output.Content.SetContent("Back");
        }
    }
}
