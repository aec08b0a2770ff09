using Commonweal.Seed;

namespace Commonweal.Directory;

/// <summary>
/// The needs people are referred for in social prescribing, as a two-level taxonomy shipped with
/// Commonweal. Any other taxonomy can be imported beside it.
/// </summary>
public static class NeedsTaxonomy
{
    public const string Name = "Commonweal social prescribing needs";

    public sealed record Need(string Code, string Name, string Description, IReadOnlyList<(string Code, string Name)> Children);

    public static readonly IReadOnlyList<Need> Needs =
    [
        new("loneliness", "Loneliness and social isolation", "Company, friendship and belonging", [("befriending", "Befriending"), ("social-groups", "Social groups and clubs"), ("intergenerational", "Intergenerational activities")]),
        new("money", "Debt, money and benefits", "Advice on debt, benefits and budgeting", [("debt-advice", "Debt advice"), ("benefits-advice", "Benefits advice"), ("energy-bills", "Energy bills and fuel poverty")]),
        new("housing", "Housing", "Keeping a home, and making it safe and warm", [("housing-advice", "Housing advice"), ("homelessness", "Homelessness support"), ("home-adaptations", "Home repairs and adaptations")]),
        new("physical-activity", "Physical activity", "Moving more, at any age or ability", [("health-walks", "Health walks"), ("exercise-classes", "Exercise classes"), ("gardening", "Gardening and green spaces")]),
        new("mental-wellbeing", "Mental wellbeing", "Support for low mood, anxiety and stress", [("talking-therapies", "Talking therapies and counselling"), ("peer-support", "Peer support groups"), ("arts-creativity", "Arts and creativity")]),
        new("carers", "Carers' support", "Help for unpaid carers", [("carers-breaks", "Breaks for carers"), ("carers-advice", "Advice for carers")]),
        new("long-term-conditions", "Long-term condition self-management", "Living well with a long-term condition", [("diabetes", "Diabetes education"), ("respiratory", "Breathing and lung health"), ("sickle-cell", "Sickle cell and rare conditions support")]),
        new("employment", "Employment, skills and volunteering", "Work, learning and giving time", [("employment-support", "Employment support"), ("adult-learning", "Adult learning and English classes"), ("volunteering", "Volunteering opportunities")]),
        new("food", "Food", "Eating well and having enough", [("food-banks", "Food banks and pantries"), ("community-meals", "Community meals and cooking")]),
        new("substance-use", "Substance use", "Alcohol and drugs", [("alcohol", "Alcohol support"), ("drugs", "Drug support")]),
    ];

    public static Guid TaxonomyId => StableIds.For("taxonomy:needs");

    public static Guid TermId(string code) => StableIds.For($"need:{code}");

    /// <summary>The taxonomy and its terms, parents before children.</summary>
    public static (Taxonomy Taxonomy, IReadOnlyList<TaxonomyTerm> Terms) Build()
    {
        var taxonomy = new Taxonomy
        {
            Id = TaxonomyId,
            Name = Name,
            Description = "Needs that link workers and GPs refer people for, used to find services and to compare outcomes.",
            Version = "1",
        };
        var terms = new List<TaxonomyTerm>();
        foreach (var need in Needs)
        {
            terms.Add(new TaxonomyTerm { Id = TermId(need.Code), TaxonomyId = taxonomy.Id, Code = need.Code, Name = need.Name, Description = need.Description, Language = "en" });
            terms.AddRange(need.Children.Select(c => new TaxonomyTerm
            {
                Id = TermId(c.Code), TaxonomyId = taxonomy.Id, Code = c.Code, Name = c.Name, ParentId = TermId(need.Code), Language = "en",
            }));
        }

        return (taxonomy, terms);
    }
}
