// Starts GraphiQL against this server's /graphql. Put a login token in the
// Headers tab as {"Authorization": "Bearer <token>"}.
(function () {
  var fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: true,
    defaultQuery: '# Log in with the login mutation, then add the token under Headers:\n' +
      '# {"Authorization": "Bearer <token>"}\n{\n  awards(first: 10) {\n    nodes { name cycles { year phase title } }\n  }\n}\n'
  }));
})();
