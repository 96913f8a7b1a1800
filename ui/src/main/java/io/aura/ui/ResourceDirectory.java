package io.aura.ui;

import io.aura.kernel.identity.UserQueries.FindUser;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.kernel.resource.ResourceQueries.ListResources;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** The small application service the views use to read resources; it only talks to the query gateway. */
@Service
public class ResourceDirectory {
    private final QueryGateway queries;

    public ResourceDirectory(QueryGateway queries) {
        this.queries = queries;
    }

    public boolean userExists(String username) {
        return queries.query(new FindUser(username), ResponseTypes.optionalInstanceOf(UserView.class)).join().isPresent();
    }

    public List<ResourceView> all() {
        return queries.query(new ListResources(), ResponseTypes.multipleInstancesOf(ResourceView.class)).join();
    }
}
