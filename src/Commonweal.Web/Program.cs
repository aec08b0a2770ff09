using Commonweal.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddCommonweal();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseCommonweal();
await app.RunAsync();

/// <summary>Entry point, public so that tests can host the site with WebApplicationFactory.</summary>
public partial class Program;
