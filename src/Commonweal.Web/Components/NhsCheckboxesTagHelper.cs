using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commonweal.Web.Components;

/// <summary>
/// NHS.UK checkboxes for a list property: <c>&lt;nhs-checkboxes asp-for="Input.Activities" legend="Activities" items="Model.Activities" /&gt;</c>.
/// Every box has the property's name, so the checked values bind back to the list.
/// </summary>
[HtmlTargetElement("nhs-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsCheckboxesTagHelper(IHtmlGenerator generator) : NhsChoicesTagHelper(generator)
{
    protected override string Kind => "checkboxes";

    protected override string InputType => "checkbox";
}
