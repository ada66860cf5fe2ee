using AiCompliance;
using Microsoft.Extensions.AI;
using MvcChat;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllersWithViews();
builder.Services.AddRazorPages();
builder.Services.AddChatClient(new CannedChatClient());

var app = builder.Build();
app.UseRouting();
app.MapStaticAssets();
app.MapControllerRoute(name: "default", pattern: "{controller=Home}/{action=Index}/{id?}");
app.MapRazorPages();
app.Run();

[RegisteredAiService("Beijing-MvcChat-20240101", ServiceName = "MvcChat")]
public static partial class Assistant { }
