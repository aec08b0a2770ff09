using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commonweal.Web.Components;

/// <summary>NHS.UK radios: <c>&lt;nhs-radios asp-for="Input.Sector" legend="Sector" items="Model.Sectors" inline="true" /&gt;</c>.</summary>
[HtmlTargetElement("nhs-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsRadiosTagHelper(IHtmlGenerator generator) : NhsChoicesTagHelper(generator)
{
    /// <summary>Side by side, for two short answers such as yes and no.</summary>
    public bool Inline { get; set; }

    protected override string Kind => "radios";

    protected override string InputType => "radio";

    protected override IEnumerable<string> ExtraClasses => Inline ? ["nhsuk-radios--inline"] : [];
}
