namespace Applivery.Generators.Emit;

/// <summary>
/// The client's file part helper for multipart bodies: it takes the namespace's <c>FileUpload</c>, so it is the one
/// body helper that stays in the client (the rest are <c>Runtime/FormBody.cs</c> and <c>Runtime/MultipartBody.cs</c>).
/// </summary>
internal static class RequestBodyRuntime
{
    /// <summary>The part of a file, only where a <c>FileUpload</c> exists (a client that uses one).</summary>
    public static string FilePart(string ns) => $$"""
        /// <summary>A file part, streamed; its Content-Disposition always has a file name (the property's when the file names none).</summary>
        private static void AddFilePart_(global::System.Net.Http.MultipartFormDataContent parts, string name, global::{{ns}}.{{FileUploadEmitter.TypeName}} file, string defaultContentType)
        {
            var part = file.ToHttpContent(defaultContentType);
            part.Headers.ContentDisposition = {{CSharpTypes.MultipartBody}}.FormDataDisposition(name, file.FileName is { Length: > 0 } fileName ? fileName : name);
            parts.Add(part);
        }

        """;
}
