using CrossProjectLib;

// Line numbers are read by AppScanTests.
var summarizer = new Summarizer(new ChatClientStub());
Console.WriteLine(await summarizer.SummarizeAsync("a long text"));
Console.WriteLine(await summarizer.TitleAsync("a long text"));
Console.WriteLine(await Summarizer.Nested.AskAsync(new ChatClientStub(), "why?"));
Console.WriteLine(Assistant.Label(await summarizer.SummarizeAsync("labeled")));
Console.WriteLine(await summarizer.CountWordsAsync("a long text"));
Console.WriteLine(summarizer.Model);
Console.WriteLine(Assistant.RegistrationNotice);
