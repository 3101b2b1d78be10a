"""Network analysis of actor relations: signed-network balance and its tensions."""
