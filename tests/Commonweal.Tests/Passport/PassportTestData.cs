using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Commonweal.Accounts;
using Commonweal.Organisations;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Passport;

/// <summary>Organisations and members of their own, so that tests that change a passport leave the seeded ones alone.</summary>
public static class PassportTestData
{
    public static async Task<Guid> OrganisationIdAsync(this CommonwealFactory factory, string name)
    {
        await using var db = factory.CreateDbContext();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    /// <summary>A new organisation (or the named one) with a new member in the given role, signed in.</summary>
    public static async Task<(HttpClient Client, Guid OrganisationId)> MemberAsync(this CommonwealFactory factory, MembershipRole role, Guid? organisationId = null)
    {
        var email = $"member-{Guid.NewGuid():N}@example.org";
        await using (var db = factory.CreateDbContext())
        {
            if (organisationId is null)
            {
                var organisation = new Organisation { Name = $"Passport test {Guid.NewGuid():N}", LegalForm = LegalForm.RegisteredCharity };
                db.Organisations.Add(organisation);
                organisationId = organisation.Id;
            }

            var user = new User
            {
                DisplayName = "Test Member", UserName = email, NormalizedUserName = email.ToUpperInvariant(),
                Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true,
            };
            user.PasswordHash = new PasswordHasher<User>().HashPassword(user, DemoAccounts.Password);
            db.Users.Add(user);
            db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = organisationId.Value, Role = role });
            await db.SaveChangesAsync();
        }

        return (await factory.SignedInClientAsync(email), organisationId.Value);
    }

    /// <summary>Uploads a file through the evidence page's upload form, as a browser would.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string evidenceUrl, string fileName, byte[] content, string contentType = "application/pdf")
    {
        var page = await client.GetDocumentAsync(evidenceUrl);
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.GetAttribute("action")?.Contains("handler=Upload", StringComparison.OrdinalIgnoreCase) == true);
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "Upload", fileName } };
        return await client.PostAsync(form.GetAttribute("action"), body);
    }
}
